import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { IndeterminateProgressBar, ProgressBar } from "azure-devops-ui/ProgressBar";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import type { BulkSyncJob } from "../../../shared/contracts";
import { assertNever } from "../../../shared/states";
import { ErrorCard } from "../ErrorCard";
import type { BulkSyncView } from "./useBulkSync";

/** "3 sent, 1 skipped, 0 failed" */
export function bulkSyncCounts(job: BulkSyncJob): string {
  return `${job.sent} sent, ${job.skipped} skipped, ${job.failed} failed`;
}

/**
 * A trigger's bulk sync: progress while it runs (processed of total; an indeterminate bar
 * until the query has counted the matches), then a summary, or the error with Start again.
 */
export function BulkSyncProgress(props: {
  view: BulkSyncView;
  label: string;
  onStart: () => void;
  onResume: () => void;
  onDismiss: () => void;
  onShowErrors: () => void;
}): React.ReactElement | null {
  const { view } = props;
  switch (view.status) {
    case "idle":
      return null;
    case "starting":
      return <Spinner size={SpinnerSize.small} label="Starting the bulk sync..." />;
    case "startFailed":
      return (
        <ErrorCard
          error={view.error}
          actions={[{ text: "Start again", onClick: props.onStart, primary: true }]}
        />
      );
    case "pollFailed":
      return (
        <div className="flex-column rhythm-vertical-8">
          <Running job={view.job} label={props.label} />
          <ErrorCard
            error={view.error}
            actions={[{ text: "Check again", onClick: props.onResume, primary: true }]}
          />
        </div>
      );
    case "job":
      return <JobCard job={view.job} {...props} />;
    default:
      return assertNever(view);
  }
}

function Running(props: { job: BulkSyncJob; label: string }): React.ReactElement {
  const { job } = props;
  const counted = job.total > 0;
  return (
    <div className="flex-column rhythm-vertical-4" role="status" aria-live="polite">
      <span>
        {counted
          ? `Bulk sync: ${job.processed} of ${job.total} work items (${bulkSyncCounts(job)})`
          : "Bulk sync: finding the matching work items..."}
      </span>
      {counted ? (
        <ProgressBar
          currentValue={job.processed}
          maxValue={job.total}
          ariaLabel={`Bulk sync progress of ${props.label}`}
        />
      ) : (
        <IndeterminateProgressBar loading />
      )}
    </div>
  );
}

function JobCard(props: {
  job: BulkSyncJob;
  label: string;
  onStart: () => void;
  onDismiss: () => void;
  onShowErrors: () => void;
}): React.ReactElement {
  const { job } = props;
  const again = { text: "Start again", onClick: props.onStart, primary: true };
  switch (job.state) {
    case "done":
      return (
        <MessageCard
          severity={job.failed > 0 ? MessageCardSeverity.Warning : MessageCardSeverity.Info}
          className="flex-self-stretch"
          onDismiss={props.onDismiss}
          buttonProps={
            job.failed > 0 ? [{ text: "Open the Errors tab", onClick: props.onShowErrors }] : []
          }
        >
          {`Bulk sync finished: ${bulkSyncCounts(job)}.`}
          {job.failed > 0 &&
            " The failed work items are listed under Errors, where you can retry them."}
        </MessageCard>
      );
    case "failed":
      return (
        <MessageCard
          severity={MessageCardSeverity.Error}
          className="flex-self-stretch"
          role="alert"
          onDismiss={props.onDismiss}
          buttonProps={[again]}
        >
          {`Bulk sync failed after ${job.processed} of ${job.total} work items (${bulkSyncCounts(job)}): ${job.error ?? "no reason given"}`}
        </MessageCard>
      );
    case "interrupted":
      return (
        <MessageCard
          severity={MessageCardSeverity.Warning}
          className="flex-self-stretch"
          role="alert"
          onDismiss={props.onDismiss}
          buttonProps={[again]}
        >
          {`Bulk sync was interrupted after ${job.processed} of ${job.total} work items (${bulkSyncCounts(job)}): the sync node stopped before it finished. Start it again; work items already in sync are skipped.`}
        </MessageCard>
      );
    case "running":
      return <Running job={job} label={props.label} />;
    default:
      return assertNever(job.state);
  }
}
