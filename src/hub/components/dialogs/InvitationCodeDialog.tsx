import { Button } from "azure-devops-ui/Button";
import { Dialog } from "azure-devops-ui/Dialog";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import type { Connection, InvitationCode } from "../../../shared/contracts";
import { useHubServices } from "../../services/hubServices";
import { ErrorCard } from "../ErrorCard";
import { InvitationCodeField } from "../form/InvitationCodeField";
import { useMountedRef } from "../useMountedRef";

type CodeState =
  | { status: "loading" }
  | { status: "loaded"; invitation: InvitationCode }
  | { status: "failed"; error: unknown }
  /** Asking before the code the partner may already hold stops working. */
  | { status: "confirming"; previous: CodeState }
  | { status: "regenerating" };

/**
 * "Copy invitation code" for a Pending connection: reads the current code from the node and
 * shows it with the copy button (copying needs the user's click, so it is not done on open).
 * "Regenerate code" replaces it after a confirmation (the previous code stops working): the way
 * out when the code expired, leaked or was sent to the wrong partner.
 */
export function InvitationCodeDialog(props: {
  client: SyncNodeClient;
  connection: Connection;
  onDismiss: () => void;
}): React.ReactElement {
  const { client, connection } = props;
  const services = useHubServices();
  const mounted = useMountedRef();
  const [state, setState] = React.useState<CodeState>({ status: "loading" });
  const show = React.useCallback(
    (read: Promise<InvitationCode>, after?: () => void) =>
      read.then(
        (invitation) => {
          if (!mounted.current) return;
          setState({ status: "loaded", invitation });
          after?.();
        },
        (error: unknown) => mounted.current && setState({ status: "failed", error }),
      ),
    [mounted],
  );
  React.useEffect(() => {
    void show(client.getInvitation(connection.id));
  }, [client, connection.id, show]);
  const regenerate = () => {
    setState({ status: "regenerating" });
    void show(client.regenerateInvitation(connection.id), () =>
      services.notify("New invitation code made. The previous code no longer works."),
    );
  };
  const shown = state.status === "confirming" ? state.previous : state;
  return (
    <Dialog
      titleProps={{ text: `Invitation code for ${connection.name}` }}
      footerButtonProps={[{ text: "Close", primary: true, onClick: props.onDismiss }]}
      onDismiss={props.onDismiss}
      ariaLabel="Invitation code"
    >
      <div className="flex-column rhythm-vertical-16 invitation-dialog">
        <CodeBody
          state={shown}
          onRegenerate={() => setState({ status: "confirming", previous: shown })}
        />
        {state.status === "confirming" && (
          <MessageCard
            severity={MessageCardSeverity.Warning}
            className="flex-self-stretch"
            role="alert"
            buttonProps={[
              { text: "Regenerate", onClick: regenerate, danger: true },
              { text: "Keep this code", onClick: () => setState(state.previous), primary: true },
            ]}
          >
            A new code replaces this one: if you already sent it, your partner cannot use it any
            more.
          </MessageCard>
        )}
      </div>
    </Dialog>
  );
}

function CodeBody(props: {
  state: CodeState;
  onRegenerate: () => void;
}): React.ReactElement | null {
  const { state } = props;
  const regenerateButton = (
    <div>
      <Button
        text="Regenerate code"
        iconProps={{ iconName: "Refresh" }}
        onClick={props.onRegenerate}
      />
    </div>
  );
  switch (state.status) {
    case "loading":
      return <Spinner size={SpinnerSize.medium} label="Reading the invitation code..." />;
    case "regenerating":
      return <Spinner size={SpinnerSize.medium} label="Making a new invitation code..." />;
    case "failed":
      return (
        <>
          <ErrorCard error={state.error} />
          {regenerateButton}
        </>
      );
    case "loaded":
      return (
        <>
          <InvitationCodeField invitationCode={state.invitation.invitationCode} />
          <span className="secondary-text">
            Send this code to your partner. It works once and expires on{" "}
            {new Date(state.invitation.expiresAt).toLocaleString()}.
          </span>
          {regenerateButton}
        </>
      );
    case "confirming":
      return null; // never shown: the dialog shows the state it came from
  }
}
