import { Dialog } from "azure-devops-ui/Dialog";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import type { Connection, InvitationCode } from "../../../shared/contracts";
import { ErrorCard } from "../ErrorCard";
import { InvitationCodeField } from "../form/InvitationCodeField";

type CodeState =
  | { status: "loading" }
  | { status: "loaded"; invitation: InvitationCode }
  | { status: "failed"; error: unknown };

/**
 * "Copy invitation code" for a Pending connection: reads the current code from the node and
 * shows it with the copy button (copying needs the user's click, so it is not done on open).
 */
export function InvitationCodeDialog(props: {
  client: SyncNodeClient;
  connection: Connection;
  onDismiss: () => void;
}): React.ReactElement {
  const { client, connection } = props;
  const [state, setState] = React.useState<CodeState>({ status: "loading" });
  React.useEffect(() => {
    let live = true;
    client.getInvitation(connection.id).then(
      (invitation) => live && setState({ status: "loaded", invitation }),
      (error: unknown) => live && setState({ status: "failed", error }),
    );
    return () => {
      live = false;
    };
  }, [client, connection.id]);
  return (
    <Dialog
      titleProps={{ text: `Invitation code for ${connection.name}` }}
      footerButtonProps={[{ text: "Close", primary: true, onClick: props.onDismiss }]}
      onDismiss={props.onDismiss}
      ariaLabel="Invitation code"
    >
      <div className="flex-column rhythm-vertical-16 invitation-dialog">
        {state.status === "loading" && (
          <Spinner size={SpinnerSize.medium} label="Reading the invitation code..." />
        )}
        {state.status === "failed" && <ErrorCard error={state.error} />}
        {state.status === "loaded" && (
          <>
            <InvitationCodeField invitationCode={state.invitation.invitationCode} />
            <span className="secondary-text">
              Send this code to your partner. It works once and expires on{" "}
              {new Date(state.invitation.expiresAt).toLocaleString()}.
            </span>
          </>
        )}
      </div>
    </Dialog>
  );
}
