import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import * as React from "react";

/** The warnings a script run reported (e.g. a user that does not exist here), if any. */
export function TestRunWarnings(props: { warnings: string[] }): React.ReactElement | null {
  if (props.warnings.length === 0) return null;
  return (
    <MessageCard severity={MessageCardSeverity.Warning} className="flex-self-stretch">
      <div className="flex-column">
        <span className="font-weight-semibold">Warnings</span>
        <ul aria-label="Warnings" className="margin-vertical-4">
          {props.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      </div>
    </MessageCard>
  );
}
