import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import type { SyncNodeClient } from "../../client";
import type { Connection } from "../../shared/contracts";
import { assertNever } from "../../shared/states";
import {
  AcceptInvitationPanel,
  DeleteConnectionDialog,
  EditConnectionPanel,
  InitiateConnectionPanel,
  InvitationCodeDialog,
  NodeSettingsPanel,
} from "./lazyPanels";

/** Which panel or dialog is open over the Connections page. */
export type Overlay =
  | { kind: "none" }
  | { kind: "initiate" }
  | { kind: "accept" }
  | { kind: "nodeSettings"; firstRun: boolean }
  | { kind: "invitation"; connection: Connection }
  | { kind: "delete"; connection: Connection }
  | { kind: "edit"; connection: Connection };

/** Renders the open panel or dialog (each loaded lazily), with a spinner while its code loads. */
export function PageOverlay(props: {
  overlay: Overlay;
  client: SyncNodeClient | null;
  close: () => void;
  onNodeSaved: (url: string) => void;
  onConnectionsChanged: () => void;
}): React.ReactElement | null {
  const content = renderOverlay(props);
  if (!content) return null;
  return <React.Suspense fallback={<LoadingPanel />}>{content}</React.Suspense>;
}

function renderOverlay(props: React.ComponentProps<typeof PageOverlay>) {
  const { overlay, client, close, onConnectionsChanged } = props;
  if (overlay.kind === "nodeSettings") {
    return (
      <NodeSettingsPanel
        firstRun={overlay.firstRun}
        currentUrl={client?.nodeUrl}
        onDismiss={close}
        onSaved={(url) => {
          props.onNodeSaved(url);
          close();
        }}
      />
    );
  }
  if (!client) return null;
  switch (overlay.kind) {
    case "none":
      return null;
    case "initiate":
      return (
        <InitiateConnectionPanel
          client={client}
          onDismiss={close}
          onInitiated={onConnectionsChanged}
        />
      );
    case "accept":
      return (
        <AcceptInvitationPanel
          client={client}
          onDismiss={close}
          onAccepted={() => {
            onConnectionsChanged();
            close();
          }}
        />
      );
    case "invitation":
      return (
        <InvitationCodeDialog client={client} connection={overlay.connection} onDismiss={close} />
      );
    case "delete":
      return (
        <DeleteConnectionDialog
          client={client}
          connection={overlay.connection}
          onDismiss={close}
          onDeleted={() => {
            onConnectionsChanged();
            close();
          }}
        />
      );
    case "edit":
      return (
        <EditConnectionPanel
          client={client}
          connection={overlay.connection}
          onDismiss={() => {
            onConnectionsChanged();
            close();
          }}
        />
      );
    default:
      return assertNever(overlay);
  }
}

function LoadingPanel() {
  return (
    <div className="flex-row justify-center padding-16" aria-busy="true">
      <Spinner size={SpinnerSize.medium} label="Loading..." />
    </div>
  );
}
