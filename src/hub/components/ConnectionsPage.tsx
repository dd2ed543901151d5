import { Header, TitleSize } from "azure-devops-ui/Header";
import type { IHeaderCommandBarItem } from "azure-devops-ui/HeaderCommandBar";
import { Page } from "azure-devops-ui/Page";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ZeroData, ZeroDataActionType } from "azure-devops-ui/ZeroData";
import * as React from "react";

import type { SyncNodeClient } from "../../client";
import type { Connection } from "../../shared/contracts";
import { assertNever } from "../../shared/states";
import { describeError } from "../errorText";
import { useHubServices } from "../services/hubServices";
import { type ConnectionAction, ConnectionsTable } from "./ConnectionsTable";
import { ErrorCard } from "./ErrorCard";
import { OpenNodeSettingsContext } from "./openNodeSettings";
import { type Overlay, PageOverlay } from "./PageOverlay";
import { ToastArea } from "./ToastArea";
import { type ConnectionsState, useConnections } from "./useConnections";
import { type NodeUrlState, useNodeUrl } from "./useNodeUrl";

/**
 * The Connections page: header commands (Initiate connection, Accept invitation, Node
 * settings), the list of connections with row actions, and the panels and dialogs they open.
 * On first run (no sync node URL stored) it opens Node settings.
 */
export function ConnectionsPage(): React.ReactElement {
  const services = useHubServices();
  const node = useNodeUrl();
  const nodeUrl = node.state.status === "known" ? node.state.url : null;
  const client = React.useMemo(
    () => (nodeUrl ? services.clientFor(nodeUrl) : null),
    [services, nodeUrl],
  );
  const list = useConnections(client);
  const [overlay, setOverlay] = React.useState<Overlay>({ kind: "none" });
  const [actionError, setActionError] = React.useState<unknown>(null);

  const missing = node.state.status === "missing";
  React.useEffect(() => {
    if (missing) setOverlay({ kind: "nodeSettings", firstRun: true });
  }, [missing]);

  const runAction = useRowActions(client, setOverlay, setActionError, list.reload);
  const commands = headerCommands(client !== null, setOverlay);
  const openNodeSettings = React.useCallback(
    () => setOverlay({ kind: "nodeSettings", firstRun: false }),
    [],
  );

  return (
    <OpenNodeSettingsContext.Provider value={openNodeSettings}>
      <Page className="flex-grow connections-page">
        <Header
          title="Connections"
          titleSize={TitleSize.Large}
          description={services.host.organizationName}
          commandBarItems={commands}
        />
        <div className="page-content page-content-top flex-column flex-grow rhythm-vertical-16">
          {actionError !== null && (
            <ErrorCard
              error={actionError}
              actions={[{ text: "Dismiss", onClick: () => setActionError(null) }]}
            />
          )}
          {renderBody(node.state, list.state, {
            retryNode: node.reload,
            retryList: list.reload,
            open: setOverlay,
            runAction,
          })}
        </div>
        <PageOverlay
          overlay={overlay}
          client={client}
          close={() => setOverlay({ kind: "none" })}
          onNodeSaved={node.saved}
          onConnectionsChanged={list.reload}
        />
        <ToastArea />
      </Page>
    </OpenNodeSettingsContext.Provider>
  );
}

function headerCommands(
  hasNode: boolean,
  open: (overlay: Overlay) => void,
): IHeaderCommandBarItem[] {
  return [
    {
      id: "initiate",
      text: "Initiate connection",
      isPrimary: true,
      disabled: !hasNode,
      iconProps: { iconName: "Add" },
      onActivate: () => open({ kind: "initiate" }),
    },
    {
      id: "accept",
      text: "Accept invitation",
      disabled: !hasNode,
      iconProps: { iconName: "Download" },
      onActivate: () => open({ kind: "accept" }),
    },
    {
      id: "node-settings",
      text: "Node settings",
      iconProps: { iconName: "Settings" },
      onActivate: () => open({ kind: "nodeSettings", firstRun: false }),
    },
  ];
}

/** Row actions: edit opens a panel, copy and delete open a dialog; activate/deactivate run at once. */
function useRowActions(
  client: SyncNodeClient | null,
  open: (overlay: Overlay) => void,
  setError: (error: unknown) => void,
  reload: () => void,
) {
  const services = useHubServices();
  return React.useCallback(
    (action: ConnectionAction, connection: Connection) => {
      if (!client) return;
      switch (action) {
        case "edit":
          return open({ kind: "edit", connection });
        case "copyInvitation":
          return open({ kind: "invitation", connection });
        case "delete":
          return open({ kind: "delete", connection });
        case "activate":
        case "deactivate": {
          const run =
            action === "activate"
              ? client.activateConnection(connection.id)
              : client.deactivateConnection(connection.id);
          const verb = action === "activate" ? "activated" : "deactivated";
          run.then(
            () => {
              setError(null);
              services.notify(`Connection ${connection.name} ${verb}.`);
              reload();
            },
            (error: unknown) => setError(error),
          );
          return;
        }
        default:
          return assertNever(action);
      }
    },
    [client, open, setError, reload, services],
  );
}

interface BodyActions {
  retryNode: () => void;
  retryList: () => void;
  open: (overlay: Overlay) => void;
  runAction: (action: ConnectionAction, connection: Connection) => void;
}

function renderBody(node: NodeUrlState, list: ConnectionsState, actions: BodyActions) {
  const settings = () => actions.open({ kind: "nodeSettings", firstRun: false });
  switch (node.status) {
    case "loading":
      return <Loading />;
    case "failed":
      return (
        <ErrorCard
          error={node.error}
          actions={[{ text: "Retry", onClick: actions.retryNode, primary: true }]}
        />
      );
    case "missing":
      return (
        <ZeroData
          primaryText="Connect this organization to its sync node"
          secondaryText="The hub stores connections on your self-hosted sync node. Enter its URL in Node settings."
          imageAltText=""
          iconProps={{ iconName: "PlugDisconnected" }}
          actionText="Node settings"
          actionType={ZeroDataActionType.ctaButton}
          onActionClick={settings}
        />
      );
    case "known":
      return renderList(list, actions, settings);
    default:
      return assertNever(node);
  }
}

function renderList(list: ConnectionsState, actions: BodyActions, settings: () => void) {
  switch (list.status) {
    case "idle":
    case "loading":
      return <Loading />;
    case "failed":
      return (
        <ErrorCard
          error={list.error}
          actions={[
            { text: "Retry", onClick: actions.retryList, primary: true },
            ...(describeError(list.error).code.startsWith("SYNC_ERR_CLIENT")
              ? [{ text: "Node settings", onClick: settings }]
              : []),
          ]}
        />
      );
    case "loaded":
      return list.connections.length === 0 ? (
        <ZeroData
          primaryText="No connections yet"
          secondaryText="Initiate a connection to start synchronizing work items with a partner, or accept an invitation you received."
          imageAltText=""
          iconProps={{ iconName: "Sync" }}
          actionText="Initiate connection"
          actionType={ZeroDataActionType.ctaButton}
          onActionClick={() => actions.open({ kind: "initiate" })}
        />
      ) : (
        <ConnectionsTable connections={list.connections} onAction={actions.runAction} />
      );
    default:
      return assertNever(list);
  }
}

function Loading() {
  return (
    <div className="flex-grow flex-center justify-center padding-16">
      <Spinner size={SpinnerSize.large} label="Loading connections..." />
    </div>
  );
}
