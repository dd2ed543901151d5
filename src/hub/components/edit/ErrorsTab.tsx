import { Ago } from "azure-devops-ui/Ago";
import { Button } from "azure-devops-ui/Button";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { actOnSyncErrors, listSyncErrors } from "../../../client/connection-settings-api";
import type { Connection, SyncErrorActionResult, SyncErrorItem } from "../../../shared/contracts";
import { ErrorCard } from "../ErrorCard";
import { useLoad } from "../useLoad";
import { useMountedRef } from "../useMountedRef";
import { RetryCard } from "./RetryCard";

type Action = "retry" | "resolve";

/**
 * The Errors tab: the connection's failed sync events (outgoing) and sync requests (incoming),
 * with work item, time, code, message and script line; Retry and Resolve one or all of them.
 */
export function ErrorsTab(props: {
  client: SyncNodeClient;
  connection: Connection;
}): React.ReactElement {
  const { client, connection } = props;
  const mounted = useMountedRef();
  const read = React.useCallback(
    () => listSyncErrors(client, connection.id),
    [client, connection.id],
  );
  const { state, reload } = useLoad(read);
  const [summary, setSummary] = React.useState<string | null>(null);
  const [actionError, setActionError] = React.useState<unknown>(null);
  const act = (action: Action, ids: string[] | "all") => {
    setActionError(null);
    actOnSyncErrors(client, connection.id, action, ids).then(
      (result) => {
        if (!mounted.current) return;
        setSummary(summarize(action, result));
        reload(true);
      },
      (error: unknown) => mounted.current && setActionError(error),
    );
  };
  switch (state.status) {
    case "loading":
      return <Spinner size={SpinnerSize.large} label="Loading errors..." />;
    case "failed":
      return <RetryCard error={state.error} onRetry={() => reload()} />;
    case "loaded":
      return (
        <div className="flex-column rhythm-vertical-16">
          {summary && (
            <MessageCard severity={MessageCardSeverity.Info} onDismiss={() => setSummary(null)}>
              {summary}
            </MessageCard>
          )}
          {actionError !== null && <ErrorCard error={actionError} />}
          <ErrorList errors={state.value} act={act} onRefresh={() => reload(true)} />
        </div>
      );
  }
}

/** "Retried 2 of 3; 1 not found." from per-item results. */
export function summarize(action: Action, result: SyncErrorActionResult): string {
  const count = (status: string) => result.results.filter((r) => r.status === status).length;
  const verb = action === "retry" ? "Retried" : "Resolved";
  const notes = [
    count("not-found") ? `${count("not-found")} no longer listed` : "",
    count("failed") ? `${count("failed")} failed` : "",
  ].filter(Boolean);
  return `${verb} ${count("done")} of ${result.results.length}${notes.length ? `; ${notes.join(", ")}` : ""}.`;
}

function ErrorList(props: {
  errors: SyncErrorItem[];
  act: (action: Action, ids: string[] | "all") => void;
  onRefresh: () => void;
}): React.ReactElement {
  const { errors, act } = props;
  const refresh = (
    <Button text="Refresh" iconProps={{ iconName: "Refresh" }} onClick={props.onRefresh} />
  );
  if (errors.length === 0) {
    return (
      <div className="flex-row flex-center rhythm-horizontal-8">
        <span className="secondary-text">No sync errors.</span>
        {refresh}
      </div>
    );
  }
  return (
    <div className="flex-column rhythm-vertical-8">
      <div className="flex-row rhythm-horizontal-8">
        <Button text="Retry all" primary onClick={() => act("retry", "all")} />
        <Button text="Resolve all" onClick={() => act("resolve", "all")} />
        {refresh}
      </div>
      <ul className="sync-error-list flex-column rhythm-vertical-8" aria-label="Sync errors">
        {errors.map((item) => (
          <li key={item.id} className="flex-row flex-center rhythm-horizontal-8">
            <span className="flex-grow">
              <span className="font-weight-semibold">{workItemLabel(item)}</span>{" "}
              <span className="secondary-text">
                ({item.direction}, <Ago date={new Date(item.at)} />)
              </span>{" "}
              {item.message}
              {scriptPlace(item)} <span className="secondary-text">({item.code})</span>
            </span>
            <Button
              text="Retry"
              ariaLabel={`Retry ${workItemLabel(item)}`}
              onClick={() => act("retry", [item.id])}
            />
            <Button
              text="Resolve"
              ariaLabel={`Resolve ${workItemLabel(item)}`}
              onClick={() => act("resolve", [item.id])}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function workItemLabel(item: SyncErrorItem): string {
  if (item.localWorkItemId !== null) return `Work item ${item.localWorkItemId}`;
  return item.remoteWorkItemId ? `Partner work item ${item.remoteWorkItemId}` : "Work item";
}

/**
 * " (incoming script, line 3)"; nothing when the message already names the line (the node's
 * script errors read "Incoming script failed at line 3, column 7: ...").
 */
function scriptPlace(item: SyncErrorItem): string {
  if (item.scriptLine === null) return "";
  if (new RegExp(`\\bline ${item.scriptLine}\\b`).test(item.message)) return "";
  return ` (${item.script ? `${item.script} script` : "script"}, line ${item.scriptLine})`;
}
