import { Button } from "azure-devops-ui/Button";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField } from "azure-devops-ui/TextField";
import * as React from "react";

import { useHubServices } from "../../services/hubServices";

type CopyState = "idle" | "copied" | "failed";

/** The key chord that copies on this platform ("⌘+C" on macOS, else "Ctrl+C"). */
function copyChord(): string {
  return /mac/i.test(navigator.platform || navigator.userAgent) ? "⌘+C" : "Ctrl+C";
}

/**
 * An invitation code in a read-only multi-line field with "Copy invitation code". When the
 * clipboard is blocked (permissions policy in the iframe, OfficeDev/office-js#1991) it selects the
 * code and says "Press Ctrl+C to copy"; it says "Copied" only after a copy that worked.
 */
export function InvitationCodeField(props: { invitationCode: string }): React.ReactElement {
  const services = useHubServices();
  const [copyState, setCopyState] = React.useState<CopyState>("idle");
  const input = React.useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  const onCopy = async () => {
    const copied = await services.copyText(props.invitationCode);
    setCopyState(copied ? "copied" : "failed");
    if (!copied) {
      input.current?.focus();
      input.current?.select();
    }
  };

  const message =
    copyState === "copied"
      ? "Copied to the clipboard."
      : copyState === "failed"
        ? `Press ${copyChord()} to copy: the browser blocked the clipboard, so the code is selected for you.`
        : undefined;
  return (
    <div className="flex-column rhythm-vertical-8">
      <FormItem label="Invitation code">
        <TextField
          inputElement={input}
          value={props.invitationCode}
          readOnly
          multiline
          rows={4}
          ariaLabel="Invitation code"
          inputClassName="invitation-code"
          onChange={() => undefined}
        />
      </FormItem>
      <div className="flex-row flex-center flex-wrap">
        <Button text="Copy invitation code" iconProps={{ iconName: "Copy" }} onClick={onCopy} />
        <span role="status" aria-live="polite" className="margin-left-8 secondary-text">
          {message}
        </span>
      </div>
    </div>
  );
}
