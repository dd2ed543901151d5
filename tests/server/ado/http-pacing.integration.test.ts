import { AdoHttp } from "../../../src/server/ado/ado-http";
import { isSyncError } from "../../../src/shared/errors";
import { startScriptedServer } from "../../helpers/scripted-ado-server";
import { TestClock } from "../../helpers/test-clock";

describe("AdoHttp pacing over real HTTP (Retry-After)", () => {
  let server: Awaited<ReturnType<typeof startScriptedServer>>;
  let clock: TestClock;
  let http: AdoHttp;

  beforeEach(async () => {
    server = await startScriptedServer([() => ({ status: 200, json: { value: ["fallback"] } })]);
    clock = TestClock.fixed();
    http = new AdoHttp({
      organizationUrl: server.url,
      credential: { kind: "pat", token: "pat-secret" },
      product: "services",
      clock,
      random: () => 0.5,
    });
  });
  afterEach(() => server.close());

  it("uses a 200's body, waits its Retry-After, honours 429 Retry-After, then backs off without it", async () => {
    server.queue.push(
      { status: 200, headers: { "retry-after": "5" }, json: { value: ["first"] } },
      { status: 429, headers: { "retry-after": "10" }, json: { message: "TF400733: throttled" } },
      { status: 429, json: { message: "TF400733: throttled" } },
      { status: 200, json: { value: ["second"] } },
    );
    const first = await http.send<{ value: string[] }>({ method: "GET", path: "_apis/projects" });
    expect(first.data.value).toEqual(["first"]);
    expect(clock.slept).toEqual([]);

    const second = await http.send<{ value: string[] }>({ method: "GET", path: "_apis/projects" });
    expect(second.data.value).toEqual(["second"]);
    expect(server.requests).toHaveLength(4);
    // Before the 2nd request: >= 5 s (the 200's Retry-After); after the 429: >= 10 s;
    // after the bare 429: capped jittered backoff (attempt 2: between 0.5 and 2 s).
    expect(clock.slept[0]).toBeGreaterThanOrEqual(5000);
    expect(clock.slept[1]).toBeGreaterThanOrEqual(10_000);
    expect(clock.slept[2]).toBeGreaterThanOrEqual(500);
    expect(clock.slept[2]).toBeLessThanOrEqual(2000);
  });

  it("shares the gate: a Retry-After seen by one caller delays the others", async () => {
    server.queue.push({ status: 200, headers: { "retry-after": "3" }, json: { value: [] } });
    await http.send({ method: "GET", path: "_apis/projects" });
    await Promise.all([
      http.send({ method: "GET", path: "_apis/projects" }),
      http.send({ method: "GET", path: "Alpha/_apis/wit/fields" }),
    ]);
    expect(clock.sleptTotal()).toBeGreaterThanOrEqual(3000);
    expect(server.requests).toHaveLength(3);
  });

  it("stops after maxAttempts with SYNC_ERR_ADO_THROTTLED and the service's code", async () => {
    const limited = new AdoHttp({
      organizationUrl: server.url,
      credential: { kind: "pat", token: "pat-secret" },
      product: "services",
      clock,
      maxAttempts: 3,
    });
    for (let i = 0; i < 3; i++) {
      server.queue.push({
        status: 429,
        json: { message: "TF400733: The request has been canceled" },
      });
    }
    const error = await limited
      .send({ method: "GET", path: "_apis/projects" })
      .catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe("SYNC_ERR_ADO_THROTTLED");
    expect(isSyncError(error) && error.details).toMatchObject({
      status: 429,
      adoCode: "TF400733",
      attempts: 3,
    });
    // The queue learns how long the organization stays paused.
    expect(isSyncError(error) && error.details?.retryAfterMs).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);
  });

  it("retries a create after 429 (not applied) but not after a 503 (outcome unknown)", async () => {
    server.queue.push(
      { status: 429, headers: { "retry-after": "1" }, json: { message: "TF400733" } },
      { status: 200, json: { id: 7, rev: 1, fields: {} } },
      { status: 503, json: { message: "VS800000: unavailable" } },
    );
    const create = () =>
      http.send<{ id: number }>({
        method: "POST",
        path: "Alpha/_apis/wit/workitems/$Bug",
        body: {
          kind: "patch",
          operations: [{ op: "add", path: "/fields/System.Title", value: "t" }],
        },
      });
    expect((await create()).data.id).toBe(7);
    const error = await create().catch((e: unknown) => e);
    expect(isSyncError(error) && error.details).toMatchObject({
      status: 503,
      outcome: "unknown",
      attempts: 1,
    });
    expect(server.requests).toHaveLength(3);
  });
});
