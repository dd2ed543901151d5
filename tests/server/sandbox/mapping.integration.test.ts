import type { ScriptRunner } from "../../../src/server/sandbox/script-runner";
import { emptyScriptWorkItem } from "../../../src/shared/contracts/replica";
import { sampleContext, sampleReplica, sampleWorkItem, startTestRunner } from "./sandbox-fixtures";

let runner: ScriptRunner;
beforeAll(() => {
  runner = startTestRunner();
});
afterAll(() => runner.close());

describe("outgoing scripts", () => {
  test("fill the replica from the work item; unset fields are empty", async () => {
    const script = [
      "replica.summary = workItem.summary.toUpperCase();",
      "replica.labels = workItem.labels.concat(['synced']);",
      "replica.customFields['Custom.Team'] = workItem.customFields['Custom.Team'];",
      "replica.project = workItem.project;",
    ].join("\n");
    const { replica, warnings } = await runner.runOutgoing({
      script,
      workItem: sampleWorkItem(),
      context: sampleContext(),
    });
    expect(replica).toMatchObject({
      version: 1,
      key: "42",
      summary: "LOGIN FAILS ON SAFARI",
      labels: ["web", "auth", "synced"],
      customFields: { "Custom.Team": "Red" },
      project: { key: "Alpha", name: "Alpha" },
      description: null,
      comments: [],
    });
    expect(warnings).toEqual([]);
  });

  test("a script that returns before setting anything sends nothing", async () => {
    const script = "if (workItem.priority > 1) return;\nreplica.summary = workItem.summary;";
    const result = await runner.runOutgoing({
      script,
      workItem: sampleWorkItem({ priority: 3 }),
      context: sampleContext(),
    });
    expect(result.replica).toBeNull();
    const sent = await runner.runOutgoing({
      script,
      workItem: sampleWorkItem({ priority: 1 }),
      context: sampleContext(),
    });
    expect(sent.replica?.summary).toBe("Login fails on Safari");
  });

  test("the key is always the work item id, and unknown replica fields are dropped with a warning", async () => {
    const { replica, warnings } = await runner.runOutgoing({
      script: "replica.key = 'other'; replica.summary = 'x'; replica.severity = 'high';",
      workItem: sampleWorkItem(),
      context: sampleContext(),
    });
    expect(replica?.key).toBe("42");
    expect(replica).not.toHaveProperty("severity");
    expect(warnings.join("\n")).toMatch(/replica\.key/);
    expect(warnings.join("\n")).toMatch(/replica\.severity is not a replica field/);
  });

  test("console output is returned as warnings", async () => {
    const { warnings } = await runner.runOutgoing({
      script:
        "console.log('state', workItem.status, { p: workItem.priority }); replica.summary = 's';",
      workItem: sampleWorkItem(),
      context: sampleContext(),
    });
    expect(warnings).toEqual(['console.log: state Active {"p":2}']);
  });

  test("scripts have no I/O: require, process, fetch, setTimeout and friends are undefined", async () => {
    const names = [
      "require",
      "process",
      "fetch",
      "setTimeout",
      "setInterval",
      "XMLHttpRequest",
      "module",
      "Buffer",
      "std",
      "os",
    ];
    const script = `replica.customFields.seen = [${names.map((name) => `typeof ${name}`).join(", ")}];`;
    const { replica } = await runner.runOutgoing({
      script,
      workItem: sampleWorkItem(),
      context: sampleContext(),
    });
    expect(replica?.customFields.seen).toEqual(names.map(() => "undefined"));
  });
});

describe("incoming scripts", () => {
  test("change the work item from the replica; firstSync and incomingProject are visible", async () => {
    const script = [
      "if (firstSync) { workItem.projectKey = incomingProject.key; workItem.typeName = replica.type; }",
      "workItem.summary = '[' + connection.remoteShortName + '] ' + replica.summary;",
      "workItem.setStatus(replica.status === 'Active' ? 'Doing' : replica.status);",
      "workItem.customFields['Custom.RemoteKey'] = replica.key;",
    ].join("\n");
    const { workItem } = await runner.runIncoming({
      script,
      replica: sampleReplica(),
      firstSync: true,
      context: sampleContext(),
    });
    expect(workItem).toMatchObject({
      id: null,
      projectKey: "Beta",
      type: "Bug",
      summary: "[contoso] Login fails on Safari",
      status: "Doing",
      customFields: { "Custom.RemoteKey": "42" },
    });
    expect(workItem).not.toHaveProperty("typeName");
  });

  test("read-only properties keep their value; deleted properties keep the old one", async () => {
    const before = { ...sampleWorkItem(), id: 107, key: "107" };
    const { workItem, warnings } = await runner.runIncoming({
      script: "workItem.id = 1; delete workItem.summary; workItem.labels = [];",
      replica: sampleReplica(),
      workItem: before,
      firstSync: false,
      context: sampleContext(),
    });
    expect(workItem.id).toBe(107);
    expect(workItem.summary).toBe(before.summary);
    expect(workItem.labels).toEqual([]);
    expect(warnings.join("\n")).toMatch(/workItem\.id is read-only/);
  });

  test("on first sync without a work item the script starts from an empty one", async () => {
    const { workItem } = await runner.runIncoming({
      script: "workItem.summary = String(workItem.id) + '/' + workItem.comments.length;",
      replica: sampleReplica(),
      firstSync: true,
      context: sampleContext(),
    });
    expect(workItem).toEqual({ ...emptyScriptWorkItem(), summary: "null/0" });
  });
});
