/**
 * The default scripts end to end: contoso's outgoing script makes a replica, fabrikam's
 * incoming script applies it, and diffWorkItem and fieldOperations turn that into Azure DevOps operations.
 */
import { defaultScripts } from "../../../src/server/sandbox/default-scripts";
import type { ScriptRunner } from "../../../src/server/sandbox/script-runner";
import type { Replica, ScriptWorkItem } from "../../../src/shared/contracts/replica";
import { emptyScriptWorkItem } from "../../../src/shared/contracts/replica";
import {
  diffAsJsonPatch,
  sampleContext,
  sampleWorkItem,
  startTestRunner,
  syncErrorOf,
} from "./sandbox-fixtures";

const scripts = defaultScripts("basic");
let runner: ScriptRunner;
beforeAll(() => {
  runner = startTestRunner();
});
afterAll(() => runner.close());

const contosoContext = sampleContext({
  connection: {
    name: "contoso_to_fabrikam",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
  },
  incomingProject: { key: "Alpha", name: "Alpha" },
  twins: [],
});

async function send(workItem: ScriptWorkItem, context = contosoContext): Promise<Replica> {
  const { replica } = await runner.runOutgoing({ script: scripts.outgoing, workItem, context });
  if (!replica) throw new Error("the default outgoing script always sends");
  return replica;
}

async function apply(
  replica: Replica,
  workItem: ScriptWorkItem | undefined,
  context = sampleContext(),
) {
  const before = workItem ?? emptyScriptWorkItem();
  const result = await runner.runIncoming({
    script: scripts.incoming,
    replica,
    workItem,
    firstSync: workItem === undefined,
    context,
  });
  return diffAsJsonPatch(before, result.workItem);
}

/** The fabrikam twin after the engine created it: ids assigned to the comment and attachment. */
function createdTwin(replica: Replica): ScriptWorkItem {
  return {
    ...emptyScriptWorkItem(),
    id: 107,
    key: "107",
    summary: replica.summary,
    description: replica.description,
    type: "Bug",
    priority: replica.priority,
    labels: replica.labels,
    projectKey: "Beta",
    comments: [{ ...replica.comments[0], id: "9001", remoteId: "501", author: null }],
    attachments: [{ ...replica.attachments[0], id: "x1", remoteId: "a1b2" }],
  };
}

test("the outgoing default sends the basic set of fields", async () => {
  const item = sampleWorkItem();
  const replica = await send(item);
  expect(replica).toEqual({
    version: 1,
    key: "42",
    summary: item.summary,
    description: item.description,
    type: "Bug",
    status: "Active",
    priority: 2,
    assignee: item.assignee,
    reporter: item.reporter,
    labels: ["web", "auth"],
    areaPath: "Alpha\\Web",
    iterationPath: "Alpha\\Sprint 1",
    project: { key: "Alpha", name: "Alpha" },
    comments: item.comments,
    attachments: item.attachments,
    customFields: {},
  });
});

test("first sync creates the twin in the incoming project with the expected JSON Patch", async () => {
  const changes = await apply(await send(sampleWorkItem()), undefined);
  expect(changes.create).toEqual({ projectKey: "Beta", type: "Bug" });
  expect(changes.patch).toEqual([
    { op: "add", path: "/fields/System.Title", value: "Login fails on Safari" },
    { op: "add", path: "/fields/System.Description", value: "<p>Steps: open <b>login</b></p>" },
    { op: "add", path: "/fields/Microsoft.VSTS.Common.Priority", value: 2 },
    { op: "add", path: "/fields/System.Tags", value: "web; auth" },
  ]);
  expect(changes.comments).toEqual([
    {
      // The sync's user posts it, so the default script names the author.
      body: "<p><strong>Max Member</strong> wrote:</p><p>Seen on 17.1</p>",
      format: "html",
      remoteId: "501",
      author: { email: "max@contoso.example", displayName: "Max Member" },
    },
  ]);
  expect(changes.attachments).toEqual([
    expect.objectContaining({
      remoteId: "a1b2",
      filename: "screenshot.png",
      contentRef: expect.stringContaining("a1b2"),
    }),
  ]);
});

test("a replica without a type creates a Task", async () => {
  const replica = { ...(await send(sampleWorkItem())), type: null };
  expect((await apply(replica, undefined)).create).toEqual({ projectKey: "Beta", type: "Task" });
});

test("first sync without an incoming project fails with a message that says what to do", async () => {
  const replica = await send(sampleWorkItem());
  const error = await syncErrorOf(() =>
    apply(replica, undefined, sampleContext({ incomingProject: null })),
  );
  expect(error.code).toBe("SYNC_ERR_SCRIPT_RUNTIME");
  expect(error.details).toMatchObject({
    script: "incoming",
    message: expect.stringMatching(/Choose the project/),
  });
});

test("applying the same replica again changes nothing (idempotent apply)", async () => {
  const replica = await send(sampleWorkItem());
  const changes = await apply(replica, createdTwin(replica));
  expect(changes).toEqual({ patch: [], comments: [], attachments: [], create: null });
});

test("a later edit sends only what changed", async () => {
  const first = await send(sampleWorkItem());
  const edited = sampleWorkItem({
    summary: "Login fails on Safari 17",
    labels: ["web"],
    status: "Resolved",
    comments: [
      ...sampleWorkItem().comments,
      {
        id: "502",
        author: null,
        body: "Fixed in **main**",
        format: "markdown",
        created: null,
        updated: null,
      },
    ],
  });
  const changes = await apply(await send(edited), createdTwin(first));
  expect(changes.patch).toEqual([
    { op: "add", path: "/fields/System.Title", value: "Login fails on Safari 17" },
    { op: "add", path: "/fields/System.Tags", value: "web" },
  ]);
  expect(changes.comments).toEqual([
    {
      body: "**Someone** wrote:\n\nFixed in **main**",
      format: "markdown",
      remoteId: "502",
      author: null,
    },
  ]);
});

test("the twin's replica coming back changes nothing on the original (no echo)", async () => {
  const original = sampleWorkItem();
  const twin = createdTwin(await send(original));
  const back = await send(twin, sampleContext());
  const changes = await apply(back, original, contosoContext);
  expect(changes).toEqual({ patch: [], comments: [], attachments: [], create: null });
});

test("both modes start from the same scripts, and they compile", async () => {
  expect(defaultScripts("script")).toEqual(defaultScripts("basic"));
  await expect(runner.checkSyntax(scripts.outgoing)).resolves.toEqual({ ok: true });
  await expect(runner.checkSyntax(scripts.incoming)).resolves.toEqual({ ok: true });
});
