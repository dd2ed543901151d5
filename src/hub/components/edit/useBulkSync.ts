import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { getBulkSyncJob, startBulkSync } from "../../../client/connection-settings-api";
import type { BulkSyncJob } from "../../../shared/contracts";

/**
 * How often the hub asks for a running job's progress, in ms. (1000: the node writes progress
 * after every work item, and one small GET a second per open Triggers tab is cheap.)
 */
export const BULK_SYNC_POLL_MS = 1000;

/**
 * One trigger's bulk sync as the hub sees it:
 *
 *   idle --start--> starting --job--> job (running: polled until it is not)
 *   starting --request failed--> startFailed
 *   job (running) --a poll failed--> pollFailed --check again--> job (polled again)
 */
export type BulkSyncView =
  | { status: "idle" }
  | { status: "starting" }
  | { status: "startFailed"; error: unknown }
  | { status: "job"; job: BulkSyncJob }
  | { status: "pollFailed"; job: BulkSyncJob; error: unknown };

/**
 * Starts and follows a bulk sync of `triggerId`: polls the job every BULK_SYNC_POLL_MS while it
 * is running; stops when the component unmounts.
 */
export function useBulkSync(
  client: SyncNodeClient,
  connectionId: string,
  triggerId: string,
): { view: BulkSyncView; start: () => void; resume: () => void; dismiss: () => void } {
  const [view, setView] = React.useState<BulkSyncView>({ status: "idle" });
  const live = React.useRef(true);
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  React.useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  const follow = React.useCallback(
    (job: BulkSyncJob) => {
      if (!live.current) return;
      setView({ status: "job", job });
      if (job.state !== "running") return;
      timer.current = setTimeout(() => {
        timer.current = null;
        getBulkSyncJob(client, connectionId, job.id).then(follow, (error: unknown) => {
          if (live.current) setView({ status: "pollFailed", job, error });
        });
      }, BULK_SYNC_POLL_MS);
    },
    [client, connectionId],
  );

  const start = React.useCallback(() => {
    setView({ status: "starting" });
    startBulkSync(client, connectionId, triggerId).then(follow, (error: unknown) => {
      if (live.current) setView({ status: "startFailed", error });
    });
  }, [client, connectionId, triggerId, follow]);

  const resume = () => {
    if (view.status === "pollFailed") follow(view.job);
  };
  const dismiss = () => setView({ status: "idle" });
  return { view, start, resume, dismiss };
}
