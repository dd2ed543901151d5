import { Button } from "azure-devops-ui/Button";
import { FormItem } from "azure-devops-ui/FormItem";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { testOutgoing } from "../../../client/connection-settings-api";
import type { OutgoingTestResult, Replica } from "../../../shared/contracts";
import { ErrorCard } from "../ErrorCard";
import { JsonBlock } from "./JsonBlock";
import { RunButton } from "./RunButton";
import { checkWorkItemId } from "./testRunInput";
import { TestRunWarnings } from "./TestRunWarnings";
import { type TestRun, useTestRun } from "./useTestRun";

/**
 * Outgoing test run: the saved outgoing script on one local work item, showing the replica it
 * makes (or that it sends nothing) and its warnings. An id refused here clears the previous
 * result, so an old answer is never shown under a new id. `onUseReplica` hands the replica to the
 * incoming section.
 */
export function OutgoingTestSection(props: {
  client: SyncNodeClient;
  connectionId: string;
  onUseReplica: (replica: Replica) => void;
}): React.ReactElement {
  const { client, connectionId } = props;
  const [idText, setIdText] = React.useState("");
  const [idError, setIdError] = React.useState<string | null>(null);
  const run = useTestRun<OutgoingTestResult>();
  const start = () => {
    const id = checkWorkItemId(idText);
    setIdError(id.ok ? null : id.message);
    if (!id.ok) return run.reset();
    run.start(() => testOutgoing(client, connectionId, { workItemId: id.value }));
  };
  return (
    <section className="flex-column rhythm-vertical-16" aria-labelledby="test-run-outgoing">
      <h3 className="title-s" id="test-run-outgoing">
        Outgoing script
      </h3>
      <FormItem
        label="Work item id"
        error={idError !== null}
        message={idError ?? "A work item of this organization to run the outgoing script on."}
      >
        <TextField
          ariaLabel="Work item id"
          value={idText}
          onChange={(_event, value) => {
            setIdText(value);
            if (idError === null) return;
            const id = checkWorkItemId(value);
            setIdError(id.ok ? null : id.message);
          }}
          placeholder="42"
          width={TextFieldWidth.standard}
        />
      </FormItem>
      <RunButton
        text="Run outgoing script"
        running={run.state.status === "running"}
        onClick={start}
      />
      <OutgoingResult run={run.state} onUseReplica={props.onUseReplica} />
    </section>
  );
}

function OutgoingResult(props: {
  run: TestRun<OutgoingTestResult>;
  onUseReplica: (replica: Replica) => void;
}): React.ReactElement | null {
  const { run } = props;
  if (run.status === "failed") return <ErrorCard error={run.error} />;
  if (run.status !== "done") return null;
  const { replica, warnings } = run.result;
  return (
    <div className="flex-column rhythm-vertical-8">
      <TestRunWarnings warnings={warnings} />
      {replica === null ? (
        <MessageCard severity={MessageCardSeverity.Info} className="flex-self-stretch">
          The outgoing script sends nothing for this work item (it made no replica).
        </MessageCard>
      ) : (
        <>
          <span className="font-weight-semibold">Replica the other side would receive</span>
          <JsonBlock value={replica} label="Outgoing replica" />
          <div>
            <Button text="Use as incoming replica" onClick={() => props.onUseReplica(replica)} />
          </div>
        </>
      )}
    </div>
  );
}
