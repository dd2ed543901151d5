/**
 * Fault injection (throttling with `Retry-After`, MicrosoftDocs/azure-devops-docs#10832;
 * concurrent edits, tfsaggregator/aggregator-cli#128; dropped answers, so a retried create
 * can find the first item), the /_emulator control routes, and reset.
 */
import type { Emulator } from "../../../src/devhost/emulator/emulator";
import { call, createItem, patch, startTestEmulator } from "./emulator-helpers";

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  ({ emulator, token } = await startTestEmulator());
});
afterEach(() => emulator.faults.clear());
afterAll(() => emulator.close());

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.origin}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("throttling", () => {
  it("answers 200 with Retry-After, then 429 with Retry-After, then 429 without it, then normally", async () => {
    emulator.faults.add({ kind: "retryAfterOn200", path: "/_apis/projects", retryAfterSeconds: 5 });
    emulator.faults.add({ kind: "throttle", path: "/_apis/projects", retryAfterSeconds: 10 });
    const first = await call(emulator, "GET", "/_apis/projects", { token });
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("10");
    expect(first.body.typeKey).toBe("RequestBlockedException");
    const second = await call(emulator, "GET", "/_apis/projects", { token });
    expect(second.status).toBe(200);
    expect(second.body.count).toBe(2);
    expect(second.headers.get("retry-after")).toBe("5");
    expect(second.headers.get("x-ratelimit-remaining")).toBe("0");
    emulator.faults.add({ kind: "throttle", path: "/_apis/projects" });
    const third = await call(emulator, "GET", "/_apis/projects", { token });
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBeNull();
    expect((await call(emulator, "GET", "/_apis/projects", { token })).status).toBe(200);
  });

  it("matches by method and counts down", async () => {
    emulator.faults.add({
      kind: "serverError",
      method: "POST",
      path: "wiql",
      count: 2,
      status: 503,
    });
    expect((await call(emulator, "GET", "/_apis/projects", { token })).status).toBe(200);
    const query = { query: "SELECT [System.Id] FROM WorkItems" };
    expect((await call(emulator, "POST", "/_apis/wit/wiql", { token, body: query })).status).toBe(
      503,
    );
    expect((await call(emulator, "POST", "/_apis/wit/wiql", { token, body: query })).status).toBe(
      503,
    );
    expect((await call(emulator, "POST", "/_apis/wit/wiql", { token, body: query })).status).toBe(
      200,
    );
    expect(emulator.faults.list()).toHaveLength(0);
  });
});

describe("concurrent edits", () => {
  it("lets another user save first, so the next test /rev update gets 412 and a re-read wins", async () => {
    const item = await createItem(emulator, token, { "System.Title": "Race" });
    emulator.faults.add({
      kind: "concurrentEdit",
      workItemId: item.id,
      fields: { "System.Description": "user edit" },
    });
    const lost = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [
        { op: "test", path: "/rev", value: 1 },
        { op: "add", path: "/fields/System.Title", value: "Race (synced)" },
      ],
      token,
    );
    expect(lost.status).toBe(412);
    const reread = await call(emulator, "GET", `/_apis/wit/workitems/${item.id}`, { token });
    expect(reread.body.rev).toBe(2);
    expect(reread.body.fields["System.ChangedBy"].uniqueName).toBe("max@contoso.example");
    const retry = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [
        { op: "test", path: "/rev", value: 2 },
        { op: "add", path: "/fields/System.Title", value: "Race (synced)" },
      ],
      token,
    );
    expect(retry.status).toBe(200);
    expect(retry.body.fields["System.Description"]).toBe("user edit");
    expect(retry.body.fields["System.Title"]).toBe("Race (synced)");
  });
});

describe("dropped answers", () => {
  it("applies a create but resets the connection, so a retry can find the first item", async () => {
    emulator.faults.add({ kind: "dropAfterApply", method: "POST", path: "/_apis/wit/workitems/" });
    const ops = [{ op: "add", path: "/fields/System.Title", value: "Dropped create" }];
    await expect(
      patch(emulator, "POST", "/Alpha/_apis/wit/workitems/$Task", ops, token),
    ).rejects.toThrow();
    const found = await call(emulator, "POST", "/_apis/wit/wiql", {
      token,
      body: { query: "SELECT [System.Id] FROM WorkItems WHERE [System.Title] = 'Dropped create'" },
    });
    expect(found.body.workItems).toHaveLength(1);
  });

  it("delays an answer with latency", async () => {
    emulator.faults.add({ kind: "latency", delayMs: 50 });
    expect((await call(emulator, "GET", "/_apis/projects", { token })).status).toBe(200);
    expect(emulator.faults.hits().latency).toBeGreaterThan(0);
  });
});

describe("control routes", () => {
  it("adds, lists and clears faults over HTTP", async () => {
    const added = await control("POST", "/faults", {
      kind: "serverError",
      path: "/_apis/projects",
      status: 500,
    });
    expect(typeof added.body.id).toBe("number");
    expect((await control("GET", "/faults")).body.faults).toHaveLength(1);
    expect((await call(emulator, "GET", "/_apis/projects", { token })).status).toBe(500);
    await control("POST", "/faults", { kind: "throttle" });
    await control("DELETE", "/faults");
    expect((await call(emulator, "GET", "/_apis/projects", { token })).status).toBe(200);
    expect((await control("POST", "/faults", { kind: "explode" })).status).toBe(400);
  });

  it("issues tokens and PATs by email", async () => {
    const issued = await control("POST", "/tokens", { email: "max@contoso.example" });
    expect(issued.body.userId).toBe(emulator.users.max);
    const me = await call(emulator, "GET", "/_apis/connectionData", {
      token: issued.body.token,
      apiVersion: null,
    });
    expect(me.body.authenticatedUser.providerDisplayName).toBe("Max Member");
    const pat = await control("POST", "/pats", {
      email: "sync@contoso.example",
      scopes: ["vso.work_write"],
    });
    expect(
      (
        await call(emulator, "POST", "/_apis/wit/wiql", {
          pat: pat.body.token,
          body: { query: "SELECT [System.Id] FROM WorkItems" },
        })
      ).status,
    ).toBe(200);
    expect((await control("POST", "/pats", { email: "nobody@x.example" })).status).toBe(400);
  });

  it("describes the organization and resets to the seed, keeping credentials", async () => {
    const info = await control("GET", "/info");
    expect(info.body.url).toBe(emulator.url);
    expect(info.body.users.map((u: { email: string }) => u.email)).toContain("ada@contoso.example");
    await createItem(emulator, token, { "System.Title": "Before reset" });
    await control("POST", "/reset");
    const all = await call(emulator, "POST", "/_apis/wit/wiql", {
      token,
      body: { query: "SELECT [System.Id] FROM WorkItems" },
    });
    expect(all.body.workItems).toEqual([]);
    const fresh = await createItem(emulator, token, { "System.Title": "After reset" });
    expect(fresh.id).toBe(1);
  });
});
