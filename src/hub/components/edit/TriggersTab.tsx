import { Button } from "azure-devops-ui/Button";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { createTrigger, listTriggers } from "../../../client/connection-settings-api";
import type { Connection, Trigger, TriggerInput } from "../../../shared/contracts";
import { useHubServices } from "../../services/hubServices";
import { useLoad } from "../useLoad";
import { useMountedRef } from "../useMountedRef";
import { RetryCard } from "./RetryCard";
import { EMPTY_TRIGGER, TriggerForm } from "./TriggerForm";
import { TriggerItem } from "./TriggerItem";

/** What a trigger is, shown above the list and in the empty state. */
const EXPLANATION =
  "Only work items that match an active trigger are synchronized. A trigger names a work item " +
  "type and a WIQL WHERE clause; the sync node checks for changes to matching work items every " +
  "few seconds. Bulk sync sends the work items that already match.";

/**
 * The Triggers tab: the connection's triggers (work item type, WHERE clause, Active or
 * Inactive, last change picked up) with add, edit, activate/deactivate, delete and bulk sync.
 * Triggers are editable in Basic mode too (they are not scripts). `onShowErrors` opens the
 * Errors tab (from a bulk sync summary with failures).
 */
export function TriggersTab(props: {
  client: SyncNodeClient;
  connection: Connection;
  onShowErrors: () => void;
}): React.ReactElement {
  const { client, connection } = props;
  const read = React.useCallback(
    () => listTriggers(client, connection.id),
    [client, connection.id],
  );
  const { state, reload, update } = useLoad(read);
  switch (state.status) {
    case "loading":
      return <Spinner size={SpinnerSize.large} label="Loading triggers..." />;
    case "failed":
      return <RetryCard error={state.error} onRetry={() => reload()} />;
    case "loaded":
      return (
        <TriggerList
          client={client}
          connectionId={connection.id}
          triggers={state.value}
          setTriggers={update}
          onShowErrors={props.onShowErrors}
        />
      );
  }
}

function TriggerList(props: {
  client: SyncNodeClient;
  connectionId: string;
  triggers: Trigger[];
  setTriggers: (update: (triggers: Trigger[]) => Trigger[]) => void;
  onShowErrors: () => void;
}): React.ReactElement {
  const { client, connectionId, triggers, setTriggers } = props;
  const services = useHubServices();
  const mounted = useMountedRef();
  const [adding, setAdding] = React.useState(false);
  const add = async (input: TriggerInput) => {
    const created = await createTrigger(client, connectionId, input);
    if (!mounted.current) return;
    setTriggers((list) => [...list, created]);
    setAdding(false);
    services.notify(`${created.workItemType} trigger added.`);
  };
  const replace = (id: string) => (trigger: Trigger | null) =>
    setTriggers((list) =>
      trigger ? list.map((t) => (t.id === id ? trigger : t)) : list.filter((t) => t.id !== id),
    );
  return (
    <div className="flex-column rhythm-vertical-16">
      {triggers.length === 0 && (
        <span className="font-weight-semibold">This connection has no triggers yet.</span>
      )}
      <span className="secondary-text">{EXPLANATION}</span>
      {adding ? (
        <TriggerForm
          initial={EMPTY_TRIGGER}
          title="New trigger"
          submitText="Add trigger"
          onSubmit={add}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div>
          <Button primary text="Add trigger" onClick={() => setAdding(true)} />
        </div>
      )}
      {triggers.length > 0 && (
        <ul className="trigger-list flex-column rhythm-vertical-16" aria-label="Triggers">
          {triggers.map((trigger) => (
            <TriggerItem
              key={trigger.id}
              client={client}
              connectionId={connectionId}
              trigger={trigger}
              onChange={replace(trigger.id)}
              onShowErrors={props.onShowErrors}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
