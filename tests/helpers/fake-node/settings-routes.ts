/**
 * The fake sync node's trigger, bulk sync and script test run routes (src/server/http/
 * trigger-routes.ts and sync-routes.ts), in memory, for the Triggers and Test run tab tests.
 * Like the node, a save whose WHERE clause names a field that does not exist (here: any
 * `[Bogus.` field) is refused with SYNC_ERR_TRIGGER_INVALID and the service's message.
 */
import type {
  BulkSyncJob,
  IncomingTestResult,
  OutgoingTestResult,
  Trigger,
  TriggerInput,
} from "../../../src/shared/contracts";
import { type Answer, errorAnswer } from "./answer";
import { trigger } from "./trigger";

/** State behind the routes; tests set it up and read it back. */
export interface FakeSettingsState {
  /** Triggers per connection id. */
  triggers: Map<string, Trigger[]>;
  /**
   * Progress of the next bulk sync job, one entry per answer: starting it answers the first,
   * each poll the next (the last one repeats). Fields not given: those of a fresh running job.
   */
  bulkSyncSteps: Partial<BulkSyncJob>[];
  /** Started jobs by id: their answers and how often each was polled. */
  jobs: Map<string, { steps: BulkSyncJob[]; polls: number }>;
  /** What the outgoing and incoming test runs answer. */
  outgoingTest: OutgoingTestResult;
  incomingTest: IncomingTestResult;
}

/** The message Azure DevOps gives for an unknown field (TF51005), as the node passes it on. */
export const BOGUS_FIELD_MESSAGE =
  "Azure DevOps rejected the trigger: TF51005: The query references a field that does not exist. The error is caused by «Bogus.Field».";

/** Fresh settings state: no triggers, a bulk sync job that is done at once, empty test runs. */
export function createSettingsState(): FakeSettingsState {
  return {
    triggers: new Map(),
    bulkSyncSteps: [{ state: "done" }],
    jobs: new Map(),
    outgoingTest: { replica: null, warnings: [] },
    incomingTest: {
      firstSync: true,
      create: null,
      patch: [],
      comments: [],
      attachments: [],
      warnings: [],
    },
  };
}

/**
 * Answers a settings route of connection `connectionId` (`rest`: the path after
 * `/api/v1/connections/:id/`), or null when `rest` is not one of them.
 */
export function settingsRoute(
  state: FakeSettingsState,
  connectionId: string,
  method: string,
  rest: string,
  body: unknown,
): Answer | null {
  const list = state.triggers.get(connectionId) ?? [];
  const one = /^triggers\/([^/]+)(?:\/(activate|deactivate|bulk-sync))?$/.exec(rest);
  const job = /^bulk-sync\/([^/]+)$/.exec(rest);
  if (rest === "triggers" && method === "GET") return { status: 200, body: { triggers: list } };
  if (rest === "triggers" && method === "POST") return create(state, connectionId, body);
  if (rest === "scripts/test/outgoing" && method === "POST")
    return { status: 200, body: state.outgoingTest };
  if (rest === "scripts/test/incoming" && method === "POST")
    return { status: 200, body: state.incomingTest };
  if (job && method === "GET") return poll(state, job[1]);
  if (!one) return null;
  const found = list.find((t) => t.id === one[1]);
  if (!found) return errorAnswer("SYNC_ERR_TRIGGER_NOT_FOUND");
  switch (`${method} ${one[2] ?? ""}`) {
    case "PUT ":
      return save(state, found, body as TriggerInput);
    case "DELETE ":
      state.triggers.set(
        connectionId,
        list.filter((t) => t !== found),
      );
      return { status: 204 };
    case "POST activate":
    case "POST deactivate":
      found.active = one[2] === "activate";
      return { status: 200, body: found };
    case "POST bulk-sync":
      return startJob(state, found);
    default:
      return errorAnswer("SYNC_ERR_ROUTE_NOT_FOUND");
  }
}

function refusal(input: TriggerInput): Answer | null {
  if (input.where.includes("[Bogus."))
    return errorAnswer("SYNC_ERR_TRIGGER_INVALID", BOGUS_FIELD_MESSAGE, {
      adoCode: "TF51005",
    });
  return null;
}

function create(state: FakeSettingsState, connectionId: string, body: unknown): Answer {
  const input = body as TriggerInput;
  const refused = refusal(input);
  if (refused) return refused;
  const list = state.triggers.get(connectionId) ?? [];
  const active = input.active ?? true;
  const created = trigger({
    id: `t-new-${list.length + 1}`,
    connectionId,
    workItemType: input.workItemType,
    where: input.where,
    active,
    watermark: active ? "2026-01-01T00:00:00.000Z" : null,
  });
  state.triggers.set(connectionId, [...list, created]);
  return { status: 201, body: created };
}

function save(state: FakeSettingsState, found: Trigger, input: TriggerInput): Answer {
  const refused = refusal(input);
  if (refused) return refused;
  Object.assign(found, {
    workItemType: input.workItemType,
    where: input.where,
    active: input.active ?? found.active,
  });
  return { status: 200, body: found };
}

function startJob(state: FakeSettingsState, found: Trigger): Answer {
  const id = `job-${state.jobs.size + 1}`;
  const base: BulkSyncJob = {
    id,
    triggerId: found.id,
    state: "running",
    total: 0,
    processed: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    error: null,
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: null,
  };
  const steps = state.bulkSyncSteps.map((step) => ({ ...base, ...step }));
  state.jobs.set(id, { steps, polls: 0 });
  return { status: 202, body: steps[0] };
}

function poll(state: FakeSettingsState, jobId: string): Answer {
  const job = state.jobs.get(jobId);
  if (!job) return errorAnswer("SYNC_ERR_SYNC_ITEM_NOT_FOUND", "There is no such bulk sync job.");
  job.polls += 1;
  return { status: 200, body: job.steps[Math.min(job.polls, job.steps.length - 1)] };
}
