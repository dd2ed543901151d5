import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import * as React from "react";

import { describeError } from "../errorText";

/**
 * A failure as the hub shows it (design.md, rule 6): the hub's text, the catalogue code, and
 * optional ways out (e.g. Retry, Node settings) as buttons on the card.
 */
export function ErrorCard(props: {
  error: unknown;
  actions?: { text: string; onClick: () => void; primary?: boolean }[];
  className?: string;
}): React.ReactElement {
  const { code, text } = describeError(props.error);
  return (
    <MessageCard
      severity={MessageCardSeverity.Error}
      className={props.className ?? "flex-self-stretch"}
      role="alert"
      buttonProps={props.actions?.map((action) => ({
        text: action.text,
        onClick: action.onClick,
        primary: action.primary,
      }))}
    >
      <span>
        {text} <span className="secondary-text">({code})</span>
      </span>
    </MessageCard>
  );
}
