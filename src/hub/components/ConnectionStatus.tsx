import { Status, Statuses, StatusSize, type StatusType } from "azure-devops-ui/Status";
import * as React from "react";

import type { Connection } from "../../shared/contracts";
import { assertNever, type ConnectionStatus as Status_ } from "../../shared/states";
import { statusLabel } from "./connectionLabels";

function statusIcon(status: Status_): StatusType {
  switch (status) {
    case "pending":
      return "Waiting";
    case "active":
      return "Success";
    case "deactivated":
      return "Canceled";
    case "error":
      return "Failed";
    default:
      return assertNever(status);
  }
}

/** A connection's status: the host's status icon, the label, and an Error's reason below. */
export function ConnectionStatus(props: { connection: Connection }): React.ReactElement {
  const { status, statusReason } = props.connection;
  const label = statusLabel(status);
  return (
    <div className="flex-column">
      <div className="flex-row flex-center">
        <Status {...Statuses[statusIcon(status)]} size={StatusSize.m} ariaLabel={label} />
        <span className="margin-left-8">{label}</span>
      </div>
      {status === "error" && statusReason && (
        <span className="secondary-text body-s" title={statusReason.code}>
          {statusReason.message} ({statusReason.code})
        </span>
      )}
    </div>
  );
}
