import { Ago } from "azure-devops-ui/Ago";
import { Button } from "azure-devops-ui/Button";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import {
  deleteTrigger,
  setTriggerActive,
  updateTrigger,
} from "../../../client/connection-settings-api";
import type { Trigger, TriggerInput } from "../../../shared/contracts";
import { ErrorCard } from "../ErrorCard";
import { useMountedRef } from "../useMountedRef";
import { BulkSyncProgress } from "./BulkSyncProgress";
import { TriggerForm } from "./TriggerForm";
import { useBulkSync } from "./useBulkSync";

/** What one trigger row shows besides its details: the edit form or the delete question. */
type Mode = "view" | "edit" | "confirmDelete";

/**
 * One trigger: type, WHERE clause, Active or Inactive and the last change picked up, with Edit,
 * Activate/Deactivate, Delete (after a confirmation) and Bulk sync. `onChange` receives the
 * trigger as the node stored it (null once deleted).
 */
export function TriggerItem(props: {
  client: SyncNodeClient;
  connectionId: string;
  trigger: Trigger;
  onChange: (trigger: Trigger | null) => void;
  onShowErrors: () => void;
}): React.ReactElement {
  const { client, connectionId, trigger, onChange } = props;
  const mounted = useMountedRef();
  const [mode, setMode] = React.useState<Mode>("view");
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const bulk = useBulkSync(client, connectionId, trigger.id);
  const label = `${trigger.workItemType} trigger`;
  const run = (action: () => Promise<Trigger | null>) => {
    setBusy(true);
    setError(null);
    action().then(
      (result) => {
        if (!mounted.current) return;
        setBusy(false);
        setMode("view");
        onChange(result);
      },
      (failure: unknown) => {
        if (!mounted.current) return;
        setBusy(false);
        setError(failure);
      },
    );
  };
  const save = async (input: TriggerInput) => {
    const saved = await updateTrigger(client, connectionId, trigger.id, input);
    if (!mounted.current) return;
    setMode("view");
    onChange(saved);
  };
  const remove = () =>
    run(async () => {
      await deleteTrigger(client, connectionId, trigger.id);
      return null;
    });
  const toggle = () =>
    run(() => setTriggerActive(client, connectionId, trigger.id, !trigger.active));
  const running =
    bulk.view.status === "starting" ||
    (bulk.view.status === "job" && bulk.view.job.state === "running");

  return (
    <li className="trigger-item flex-column rhythm-vertical-8" aria-label={label}>
      {mode === "edit" ? (
        <TriggerForm
          initial={{
            workItemType: trigger.workItemType,
            where: trigger.where,
            active: trigger.active,
          }}
          title={`Edit ${label}`}
          submitText="Save"
          onSubmit={save}
          onCancel={() => setMode("view")}
        />
      ) : (
        <>
          <TriggerDetails trigger={trigger} />
          {mode === "confirmDelete" && (
            <DeleteQuestion
              label={label}
              busy={busy}
              onDelete={remove}
              onKeep={() => setMode("view")}
            />
          )}
          {error !== null && <ErrorCard error={error} />}
          <div className="flex-row flex-wrap rhythm-horizontal-8">
            <Button
              text="Edit"
              ariaLabel={`Edit ${label}`}
              disabled={busy}
              onClick={() => setMode("edit")}
            />
            <Button
              text={trigger.active ? "Deactivate" : "Activate"}
              ariaLabel={`${trigger.active ? "Deactivate" : "Activate"} ${label}`}
              disabled={busy}
              onClick={toggle}
            />
            <Button
              text="Delete"
              ariaLabel={`Delete ${label}`}
              disabled={busy}
              onClick={() => setMode("confirmDelete")}
            />
            <Button
              text={running ? "Bulk sync running..." : "Bulk sync"}
              ariaLabel={`Bulk sync ${label}`}
              disabled={running}
              onClick={bulk.start}
            />
          </div>
        </>
      )}
      <BulkSyncProgress
        view={bulk.view}
        label={label}
        onStart={bulk.start}
        onResume={bulk.resume}
        onDismiss={bulk.dismiss}
        onShowErrors={props.onShowErrors}
      />
    </li>
  );
}

/** "Delete the Bug trigger?" with Delete trigger and Keep it (nothing is sent before). */
function DeleteQuestion(props: {
  label: string;
  busy: boolean;
  onDelete: () => void;
  onKeep: () => void;
}): React.ReactElement {
  return (
    <MessageCard
      severity={MessageCardSeverity.Warning}
      className="flex-self-stretch"
      role="alert"
      buttonProps={[
        {
          text: props.busy ? "Deleting..." : "Delete trigger",
          onClick: props.onDelete,
          danger: true,
          disabled: props.busy,
        },
        { text: "Keep it", onClick: props.onKeep, disabled: props.busy },
      ]}
    >
      {`Delete the ${props.label}? Work items that only it matches stop synchronizing (their twins stay). This cannot be undone.`}
    </MessageCard>
  );
}

function TriggerDetails(props: { trigger: Trigger }): React.ReactElement {
  const { trigger } = props;
  return (
    <div className="flex-column rhythm-vertical-4">
      <div className="flex-row flex-center rhythm-horizontal-8">
        <span className="font-weight-semibold">{trigger.workItemType}</span>
        <span className={trigger.active ? "trigger-status-active" : "secondary-text"}>
          {trigger.active ? "Active" : "Inactive"}
        </span>
      </div>
      {trigger.where ? (
        <code className="monospace-text trigger-where">{trigger.where}</code>
      ) : (
        <span className="secondary-text">Every work item of this type</span>
      )}
      <span className="secondary-text">
        {"Last change picked up: "}
        {trigger.watermark ? <Ago date={new Date(trigger.watermark)} /> : "Not polled yet"}
      </span>
    </div>
  );
}
