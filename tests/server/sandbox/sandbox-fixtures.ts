/** Shared sample data for the sandbox tests: a contoso work item, its context, a runner. */
import {
  createScriptRunner,
  type ScriptRunner,
  type ScriptRunnerOptions,
} from "../../../src/server/sandbox/script-runner";
import { fieldOperations } from "../../../src/server/work-items/json-patch";
import { diffWorkItem } from "../../../src/server/work-items/work-item-diff";
import type { Replica, ScriptContext, ScriptWorkItem } from "../../../src/shared/contracts/replica";
import { emptyScriptWorkItem } from "../../../src/shared/contracts/replica";
import { SyncError } from "../../../src/shared/errors";

/** The context a contoso -> fabrikam connection gives scripts on the fabrikam side. */
export function sampleContext(overrides: Partial<ScriptContext> = {}): ScriptContext {
  return {
    connection: {
      name: "contoso_to_fabrikam",
      localShortName: "fabrikam",
      remoteShortName: "contoso",
    },
    incomingProject: { key: "Beta", name: "Beta" },
    users: [
      { email: "ada@fabrikam.example", displayName: "Ada Admin" },
      { email: "max@fabrikam.example", displayName: "Max Member" },
    ],
    twins: [{ remoteId: "7", localId: 107 }],
    ...overrides,
  };
}

/** A Bug on contoso with a comment and an attachment. */
export function sampleWorkItem(overrides: Partial<ScriptWorkItem> = {}): ScriptWorkItem {
  return {
    ...emptyScriptWorkItem(),
    id: 42,
    key: "42",
    summary: "Login fails on Safari",
    description: "<p>Steps: open <b>login</b></p>",
    type: "Bug",
    status: "Active",
    priority: 2,
    assignee: { email: "ada@fabrikam.example", displayName: "Ada Admin" },
    reporter: { email: "max@contoso.example", displayName: "Max Member" },
    labels: ["web", "auth"],
    areaPath: "Alpha\\Web",
    iterationPath: "Alpha\\Sprint 1",
    projectKey: "Alpha",
    created: "2026-11-01T10:00:00.000Z",
    comments: [
      {
        id: "501",
        author: { email: "max@contoso.example", displayName: "Max Member" },
        body: "<p>Seen on 17.1</p>",
        format: "html",
        created: "2026-11-02T10:00:00.000Z",
        updated: null,
      },
    ],
    attachments: [
      {
        id: "a1b2",
        filename: "screenshot.png",
        mimeType: "image/png",
        size: 2048,
        created: "2026-11-02T11:00:00.000Z",
        contentRef: "http://127.0.0.1:3010/contoso/_apis/wit/attachments/a1b2",
      },
    ],
    customFields: { "Custom.Team": "Red" },
    fields: { "System.Title": "Login fails on Safari", "Custom.Team": "Red" },
    ...overrides,
  };
}

/** A minimal valid replica (as the default outgoing script would send for sampleWorkItem). */
export function sampleReplica(overrides: Partial<Replica> = {}): Replica {
  const item = sampleWorkItem();
  return {
    version: 1,
    key: "42",
    summary: item.summary,
    description: item.description,
    type: item.type,
    status: item.status,
    priority: item.priority,
    assignee: item.assignee,
    reporter: item.reporter,
    labels: item.labels,
    areaPath: item.areaPath,
    iterationPath: item.iterationPath,
    project: { key: "Alpha", name: "Alpha" },
    comments: item.comments,
    attachments: item.attachments,
    customFields: {},
    ...overrides,
  };
}

/** Test runner settings: short limits so the bomb and loop cases finish quickly. */
export function startTestRunner(options: ScriptRunnerOptions = {}): ScriptRunner {
  return createScriptRunner({ timeoutMs: 1000, ...options });
}

/** Runs `action` and returns the SyncError it rejects with (fails the test otherwise). */
export async function syncErrorOf(action: () => Promise<unknown>): Promise<SyncError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error("expected a SyncError, but the call succeeded");
}

/**
 * `diffWorkItem` with its field changes as the JSON Patch operations a save sends
 * (`fieldOperations`): `{ patch, comments, attachments, create }`.
 */
export function diffAsJsonPatch(...args: Parameters<typeof diffWorkItem>) {
  const { fields, ...rest } = diffWorkItem(...args);
  return { ...rest, patch: fieldOperations(fields) };
}
