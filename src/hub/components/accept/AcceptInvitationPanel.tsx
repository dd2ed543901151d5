import type { IButtonProps } from "azure-devops-ui/Button";
import { FormItem } from "azure-devops-ui/FormItem";
import { Panel } from "azure-devops-ui/Panel";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import type { InvitationPreview, ProjectRef } from "../../../shared/contracts";
import { useHubServices } from "../../services/hubServices";
import { modeLabel } from "../connectionLabels";
import { ErrorCard } from "../ErrorCard";
import { ProjectPicker } from "../form/ProjectPicker";
import { useMountedRef } from "../useMountedRef";

/**
 * Where the acceptance stands: paste, inspect, then accept
 * (docs/architecture.md#flow-of-one-invitation).
 */
type AcceptState =
  | { status: "editing"; error?: unknown }
  | { status: "inspecting" }
  | { status: "inspected"; preview: InvitationPreview; error?: unknown }
  | { status: "accepting"; preview: InvitationPreview };

/**
 * Whitespace and line breaks anywhere in a pasted code are ignored, so a code that mail or chat
 * wrapped or padded still works (src/shared/contracts/invitation.ts).
 */
export function normalizeInvitationCode(text: string): string {
  return text.replace(/\s+/g, "");
}

export const CODE_REQUIRED = "Paste the invitation code you received from your partner.";
export const PROJECT_REQUIRED = "Choose the project for incoming sync.";

/**
 * The Accept invitation panel: paste a code, Inspect shows who invites and how (initiator short
 * name, connection name, mode), pick the project for incoming sync, Accept. Each invalid-code
 * error (SYNC_ERR_INVITATION_*) shows its own text and code.
 */
export function AcceptInvitationPanel(props: {
  client: SyncNodeClient;
  onDismiss: () => void;
  onAccepted: () => void;
}): React.ReactElement {
  const services = useHubServices();
  const [code, setCode] = React.useState("");
  const [codeError, setCodeError] = React.useState<string>();
  const [project, setProject] = React.useState<ProjectRef | null>(null);
  const [projectError, setProjectError] = React.useState<string>();
  const [state, setState] = React.useState<AcceptState>({ status: "editing" });
  const mounted = useMountedRef();

  const inspect = () => {
    const invitationCode = normalizeInvitationCode(code);
    if (!invitationCode) return setCodeError(CODE_REQUIRED);
    setState({ status: "inspecting" });
    props.client.inspectInvitation(invitationCode).then(
      (preview) => mounted.current && setState({ status: "inspected", preview }),
      (error: unknown) => mounted.current && setState({ status: "editing", error }),
    );
  };
  const accept = (preview: InvitationPreview) => {
    if (!project) return setProjectError(PROJECT_REQUIRED);
    setState({ status: "accepting", preview });
    const request = { invitationCode: normalizeInvitationCode(code), incomingProject: project };
    props.client.acceptInvitation(request).then(
      (connection) => {
        services.notify(`Connection ${connection.name} is active.`);
        props.onAccepted();
      },
      (error: unknown) => mounted.current && setState({ status: "inspected", preview, error }),
    );
  };

  const preview = state.status === "inspected" || state.status === "accepting" ? state : null;
  return (
    <Panel
      onDismiss={props.onDismiss}
      titleProps={{ text: "Accept invitation" }}
      description="Paste the invitation code your partner sent you."
      footerButtonProps={footer(state, props.onDismiss, inspect, accept)}
      ariaLabel="Accept invitation"
      lightDismiss={false}
    >
      <div className="flex-column flex-grow rhythm-vertical-16 panel-body">
        <FormItem label="Invitation code" error={Boolean(codeError)} message={codeError}>
          <TextField
            ariaLabel="Invitation code"
            value={code}
            multiline
            rows={4}
            width={TextFieldWidth.auto}
            inputClassName="invitation-code"
            disabled={state.status === "inspecting" || state.status === "accepting"}
            onChange={(_event, value) => {
              setCode(value);
              setCodeError(undefined);
              if (state.status !== "editing") setState({ status: "editing" });
            }}
          />
        </FormItem>
        {state.status === "editing" && state.error !== undefined && (
          <ErrorCard error={state.error} />
        )}
        {preview && (
          <>
            <PreviewDetails preview={preview.preview} />
            <ProjectPicker
              value={project}
              onChange={(p) => {
                setProject(p);
                setProjectError(undefined);
              }}
              error={projectError}
            />
            {state.status === "inspected" && state.error !== undefined && (
              <ErrorCard error={state.error} />
            )}
          </>
        )}
      </div>
    </Panel>
  );
}

function PreviewDetails(props: { preview: InvitationPreview }) {
  const { preview } = props;
  return (
    <dl className="wizard-summary" aria-label="Invitation">
      <dt>Initiator short name</dt>
      <dd>{preview.initiatorShortName}</dd>
      <dt>Connection name</dt>
      <dd>{preview.connectionName}</dd>
      <dt>Configuration mode</dt>
      <dd>{modeLabel(preview.mode)}</dd>
      {preview.description && (
        <>
          <dt>Description</dt>
          <dd>{preview.description}</dd>
        </>
      )}
      <dt>Your short name in this connection</dt>
      <dd>{preview.acceptorShortName}</dd>
    </dl>
  );
}

const busy = (text: string): IButtonProps => ({
  text,
  primary: true,
  disabled: true,
  iconProps: { render: () => <Spinner size={SpinnerSize.xSmall} className="margin-right-8" /> },
});

function footer(
  state: AcceptState,
  dismiss: () => void,
  inspect: () => void,
  accept: (preview: InvitationPreview) => void,
): IButtonProps[] {
  const cancel: IButtonProps = { text: "Cancel", onClick: dismiss };
  switch (state.status) {
    case "editing":
      return [cancel, { text: "Inspect", primary: true, onClick: inspect }];
    case "inspecting":
      return [cancel, busy("Inspecting...")];
    case "inspected":
      return [cancel, { text: "Accept", primary: true, onClick: () => accept(state.preview) }];
    case "accepting":
      return [{ ...cancel, disabled: true }, busy("Accepting...")];
  }
}
