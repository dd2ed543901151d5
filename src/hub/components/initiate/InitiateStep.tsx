import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import * as React from "react";

import type { InitiateConnectionResponse } from "../../../shared/contracts";
import { modeLabel } from "../connectionLabels";
import { ErrorCard } from "../ErrorCard";
import { InvitationCodeField } from "../form/InvitationCodeField";
import type { WizardFields } from "./wizardModel";

/** Progress of the Initiate call. */
export type Initiation =
  | { status: "ready" }
  | { status: "running" }
  | { status: "failed"; error: unknown }
  | { status: "done"; result: InitiateConnectionResponse };

/** The last step: a summary to check, then (after Initiate) the invitation code to send. */
export function InitiateStep(props: {
  fields: WizardFields;
  initiation: Initiation;
}): React.ReactElement {
  const { fields, initiation } = props;
  if (initiation.status === "done") return <Initiated result={initiation.result} />;
  return (
    <div className="flex-column rhythm-vertical-16">
      <dl className="wizard-summary">
        <dt>Destination instance URL</dt>
        <dd>{fields.noUrl ? "None (private destination)" : fields.destinationUrl.trim()}</dd>
        <dt>Configuration mode</dt>
        <dd>{fields.mode ? modeLabel(fields.mode) : ""}</dd>
        <dt>Short names</dt>
        <dd>
          {fields.localShortName.trim()} (local), {fields.remoteShortName.trim()} (destination)
        </dd>
        <dt>Connection name</dt>
        <dd>{fields.name.trim()}</dd>
        <dt>Project for incoming sync</dt>
        <dd>{fields.project?.name}</dd>
      </dl>
      {initiation.status === "failed" && <ErrorCard error={initiation.error} />}
    </div>
  );
}

function Initiated(props: { result: InitiateConnectionResponse }) {
  const { connection, invitation } = props.result;
  return (
    <div className="flex-column rhythm-vertical-16">
      <MessageCard severity={MessageCardSeverity.Info} className="flex-self-stretch">
        {`Connection ${connection.name} is Pending. Send the invitation code to your partner; the destination shows as "unknown" until they accept it.`}
      </MessageCard>
      <InvitationCodeField invitationCode={invitation.invitationCode} />
      <span className="secondary-text">
        On a public-private connection you configure your side now and send the invitation to your
        partner, who accepts it on their side. The code works once and expires on{" "}
        {new Date(invitation.expiresAt).toLocaleString()}.
      </span>
    </div>
  );
}
