import { FormItem } from "azure-devops-ui/FormItem";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { testIncoming } from "../../../client/connection-settings-api";
import type { IncomingTestResult } from "../../../shared/contracts";
import { ErrorCard } from "../ErrorCard";
import { IncomingTestResultView } from "./IncomingTestResultView";
import { RunButton } from "./RunButton";
import { checkOptionalWorkItemId, checkReplicaJson } from "./testRunInput";
import { useTestRun } from "./useTestRun";

/** What the replica field shows when empty: the start of a replica. */
const REPLICA_PLACEHOLDER = '{ "key": "42", "summary": "Login fails", ... }';

/**
 * Incoming test run: the saved incoming script on a replica (pasted JSON, parsed and completed
 * here first, `checkReplicaJson`: invalid JSON or a missing key is shown at the field, the
 * previous result is cleared and nothing is sent), against a local work item or, with
 * no id, as a first sync. Shows what would be written: creation, JSON Patch, comments,
 * attachments, warnings. `replicaText` is owned by the tab (the outgoing section fills it).
 */
export function IncomingTestSection(props: {
  client: SyncNodeClient;
  connectionId: string;
  replicaText: string;
  onReplicaTextChange: (text: string) => void;
}): React.ReactElement {
  const { client, connectionId } = props;
  const [idText, setIdText] = React.useState("");
  const [replicaError, setReplicaError] = React.useState<string | null>(null);
  const [idError, setIdError] = React.useState<string | null>(null);
  const run = useTestRun<IncomingTestResult>();
  const start = () => {
    const replica = checkReplicaJson(props.replicaText);
    const workItemId = checkOptionalWorkItemId(idText);
    setReplicaError(replica.ok ? null : replica.message);
    setIdError(workItemId.ok ? null : workItemId.message);
    if (!replica.ok || !workItemId.ok) return run.reset();
    const input =
      workItemId.value === undefined
        ? { replica: replica.value }
        : { replica: replica.value, workItemId: workItemId.value };
    run.start(() => testIncoming(client, connectionId, input));
  };
  return (
    <section className="flex-column rhythm-vertical-16" aria-labelledby="test-run-incoming">
      <h3 className="title-s" id="test-run-incoming">
        Incoming script
      </h3>
      <FormItem
        label="Replica (JSON)"
        error={replicaError !== null}
        message={
          replicaError ??
          'A replica as the other side sends it; fields left out are empty ("key" is required).'
        }
      >
        <TextField
          ariaLabel="Replica (JSON)"
          value={props.replicaText}
          onChange={(_event, value) => {
            props.onReplicaTextChange(value);
            setReplicaError(null);
          }}
          placeholder={REPLICA_PLACEHOLDER}
          multiline
          rows={10}
          inputClassName="monospace-text"
          width={TextFieldWidth.auto}
        />
      </FormItem>
      <FormItem
        label="Local work item id (optional)"
        error={idError !== null}
        message={idError ?? "Empty: a first sync (the script creates the twin)."}
      >
        <TextField
          ariaLabel="Local work item id (optional)"
          value={idText}
          onChange={(_event, value) => {
            setIdText(value);
            setIdError(null);
          }}
          width={TextFieldWidth.standard}
        />
      </FormItem>
      <RunButton
        text="Run incoming script"
        running={run.state.status === "running"}
        onClick={start}
      />
      {run.state.status === "failed" && <ErrorCard error={run.state.error} />}
      {run.state.status === "done" && <IncomingTestResultView result={run.state.result} />}
    </section>
  );
}
