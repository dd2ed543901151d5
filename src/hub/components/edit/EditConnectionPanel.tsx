import { Dialog } from "azure-devops-ui/Dialog";
import { Panel } from "azure-devops-ui/Panel";
import { Tab, TabBar, TabSize } from "azure-devops-ui/Tabs";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import type { Connection } from "../../../shared/contracts";
import { assertNever } from "../../../shared/states";
import { EscapeScope } from "../EscapeScope";
import { ErrorsTab } from "./ErrorsTab";
import { RulesTab } from "./RulesTab";
import { StatisticsTab } from "./StatisticsTab";
import { TestRunTab } from "./TestRunTab";
import { TriggersTab } from "./TriggersTab";

/**
 * The tabs of Edit connection, in display order: Rules first (what Script mode users edit),
 * then trying the scripts out, then what decides which work items sync, then monitoring.
 */
export const EDIT_TABS = ["rules", "testRun", "triggers", "errors", "statistics"] as const;
export type EditTab = (typeof EDIT_TABS)[number];

const TAB_NAMES: Record<EditTab, string> = {
  rules: "Rules",
  testRun: "Test run",
  triggers: "Triggers",
  errors: "Errors",
  statistics: "Statistics",
};

/**
 * Edit connection: a panel with a tab per area of the connection's configuration. Closing (or
 * switching tabs) with unsaved script changes asks first (the editor's text would be lost).
 */
export function EditConnectionPanel(props: {
  client: SyncNodeClient;
  connection: Connection;
  onDismiss: () => void;
}): React.ReactElement {
  const { client, connection } = props;
  const [tab, setTab] = React.useState<EditTab>("rules");
  const [dirty, setDirty] = React.useState(false);
  const [pending, setPending] = React.useState<EditTab | "close" | null>(null);
  const leave = (next: EditTab | "close") => {
    if (dirty && next !== tab) return setPending(next);
    if (next === "close") props.onDismiss();
    else setTab(next);
  };
  const discard = () => {
    const next = pending;
    setPending(null);
    setDirty(false);
    if (next === "close") props.onDismiss();
    else if (next) setTab(next);
  };
  return (
    <EscapeScope calloutClassName="edit-connection-panel" onEscape={() => leave("close")}>
      <Panel
        calloutClassName="edit-connection-panel"
        onDismiss={() => leave("close")}
        titleProps={{ text: `Edit connection ${connection.name}` }}
        description={`${connection.localShortName} to ${connection.remoteShortName ?? "(not accepted yet)"}`}
        size={2}
        footerButtonProps={[{ text: "Close", onClick: () => leave("close") }]}
      >
        <div className="flex-column rhythm-vertical-16 edit-connection">
          <TabBar
            selectedTabId={tab}
            onSelectedTabChanged={(id) => leave(id as EditTab)}
            tabSize={TabSize.Compact}
            ariaLabel="Connection settings"
          >
            {EDIT_TABS.map((id) => (
              <Tab key={id} id={id} name={TAB_NAMES[id]} />
            ))}
          </TabBar>
          <div role="tabpanel" aria-label={TAB_NAMES[tab]}>
            {renderTab(tab, client, connection, setDirty, () => leave("errors"))}
          </div>
        </div>
        {pending !== null && (
          <UnsavedChangesDialog onKeep={() => setPending(null)} onDiscard={discard} />
        )}
      </Panel>
    </EscapeScope>
  );
}

/**
 * Asks before unsaved script changes are lost. A modal dialog (not a card in the panel): the
 * panel's sticky tab bar and the Rules toolbar would cover a card. Focus moves into the dialog,
 * on Keep editing; Escape (wherever the focus is in the dialog) or a click outside keeps editing.
 */
function UnsavedChangesDialog(props: {
  onKeep: () => void;
  onDiscard: () => void;
}): React.ReactElement {
  return (
    <EscapeScope calloutClassName="unsaved-changes-dialog" onEscape={props.onKeep}>
      <Dialog
        calloutClassName="unsaved-changes-dialog"
        titleProps={{ text: "Discard unsaved changes?" }}
        ariaLabel="Unsaved changes"
        onDismiss={props.onKeep}
        defaultActiveElement=".unsaved-changes-keep"
        footerButtonProps={[
          { text: "Discard changes", onClick: props.onDiscard, danger: true },
          {
            text: "Keep editing",
            onClick: props.onKeep,
            primary: true,
            className: "unsaved-changes-keep",
          },
        ]}
      >
        The scripts have unsaved changes. Discard them?
      </Dialog>
    </EscapeScope>
  );
}

function renderTab(
  tab: EditTab,
  client: SyncNodeClient,
  connection: Connection,
  onDirtyChange: (dirty: boolean) => void,
  showErrors: () => void,
): React.ReactElement {
  switch (tab) {
    case "rules":
      return <RulesTab client={client} connection={connection} onDirtyChange={onDirtyChange} />;
    case "testRun":
      return <TestRunTab client={client} connection={connection} />;
    case "triggers":
      return <TriggersTab client={client} connection={connection} onShowErrors={showErrors} />;
    case "errors":
      return <ErrorsTab client={client} connection={connection} />;
    case "statistics":
      return <StatisticsTab client={client} connection={connection} />;
    default:
      return assertNever(tab);
  }
}
