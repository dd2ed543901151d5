import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import * as React from "react";

import { describeError } from "../errorText";
import { NODE_SETTINGS_CODES, OpenNodeSettingsContext } from "./openNodeSettings";

/**
 * A failure as the hub shows it (docs/architecture.md#hub-rules): the hub's text, the catalogue
 * code, and optional ways out (e.g. Retry) as buttons on the card. Errors fixed in Node settings
 * get a "Node settings" button too, where the page offers it (`OpenNodeSettingsContext`).
 */
export function ErrorCard(props: {
  error: unknown;
  actions?: { text: string; onClick: () => void; primary?: boolean }[];
  className?: string;
}): React.ReactElement {
  const { code, text } = describeError(props.error);
  const openNodeSettings = React.useContext(OpenNodeSettingsContext);
  const actions = [...(props.actions ?? [])];
  if (openNodeSettings && NODE_SETTINGS_CODES.has(code)) {
    if (!actions.some((action) => action.text === "Node settings")) {
      actions.push({ text: "Node settings", onClick: openNodeSettings });
    }
  }
  return (
    <MessageCard
      severity={MessageCardSeverity.Error}
      className={props.className ?? "flex-self-stretch"}
      role="alert"
      buttonProps={actions.map((action) => ({
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
