import { Dialog } from "azure-devops-ui/Dialog";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import type { Connection } from "../../../shared/contracts";
import { useHubServices } from "../../services/hubServices";
import { ErrorCard } from "../ErrorCard";
import { useMountedRef } from "../useMountedRef";

/** Confirms and runs the deletion of a connection. */
export function DeleteConnectionDialog(props: {
  client: SyncNodeClient;
  connection: Connection;
  onDismiss: () => void;
  onDeleted: () => void;
}): React.ReactElement {
  const services = useHubServices();
  const { client, connection } = props;
  const [running, setRunning] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const mounted = useMountedRef();
  const remove = () => {
    setRunning(true);
    setError(null);
    client.deleteConnection(connection.id).then(
      () => {
        services.notify(`Connection ${connection.name} deleted.`);
        props.onDeleted();
      },
      (failure: unknown) => {
        if (!mounted.current) return;
        setRunning(false);
        setError(failure);
      },
    );
  };
  return (
    <Dialog
      titleProps={{ text: "Delete connection?" }}
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss, disabled: running },
        {
          text: running ? "Deleting..." : "Delete",
          danger: true,
          onClick: remove,
          disabled: running,
        },
      ]}
      onDismiss={props.onDismiss}
      ariaLabel="Delete connection"
    >
      <div className="flex-column rhythm-vertical-16">
        <span>
          {`Delete ${connection.name}? Work items stop synchronizing with ${
            connection.remoteShortName ?? "the destination"
          }, and its queued changes are dropped. This cannot be undone.`}
        </span>
        {error !== null && <ErrorCard error={error} />}
      </div>
    </Dialog>
  );
}
