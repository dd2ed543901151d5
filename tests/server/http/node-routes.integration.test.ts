/** Node routes: health, readiness, metrics, OpenAPI document, CORS, rate limit. */
import { Writable } from "node:stream";

import pino from "pino";

import { logOptions } from "../../../src/server/observability/log-options";
import { ROUTES } from "../../../src/shared/contracts/routes";
import { ERRORS } from "../../../src/shared/errors";
import { startTestNode, type TestNode } from "../../helpers/test-node";
import { testDialects } from "../../helpers/with-store";

describe.each(testDialects())("node routes on %s", (dialect) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode(dialect, {
      env: { CORS_ORIGINS: "https://idalko-tools.gallerycdn.vsassets.io, null" },
    });
  });
  afterAll(() => node.close());

  test("health and readiness", async () => {
    const health = await node.app.inject({ method: "GET", url: ROUTES.health });
    expect(health.json()).toEqual({ status: "ok" });
    const ready = await node.app.inject({ method: "GET", url: ROUTES.ready });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", database: dialect });
  });

  test("metrics in Prometheus text format count requests by route pattern", async () => {
    await node.app.inject({ method: "GET", url: ROUTES.health });
    const metrics = await node.app.inject({ method: "GET", url: ROUTES.metrics });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers["content-type"]).toContain("text/plain");
    expect(metrics.body).toContain(
      'http_requests_total{method="GET",route="/health",status="200"}',
    );
    expect(metrics.body).toContain("process_cpu_user_seconds_total");
  });

  test("the OpenAPI document lists every hub API route with its schemas", async () => {
    const response = await node.app.inject({ method: "GET", url: ROUTES.openapi });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe("3.0.3");
    const paths = Object.keys(document.paths);
    for (const route of Object.values(ROUTES)) {
      if (route === ROUTES.openapi) continue;
      expect(paths).toContain(route.replace(/:([A-Za-z]+)/g, "{$1}"));
    }
    const initiate = document.paths["/api/v1/connections"].post;
    expect(initiate.requestBody.content["application/json"].schema.properties).toHaveProperty(
      "localShortName",
    );
    expect(initiate.responses).toHaveProperty("201");
    expect(initiate.security).toEqual([{ appToken: [], accessToken: [] }]);
  });

  test("CORS allows the configured origins, including null, and no others", async () => {
    const preflight = (origin: string) =>
      node.app.inject({
        method: "OPTIONS",
        url: ROUTES.connections,
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,x-azdo-access-token,content-type",
        },
      });
    const allowed = await preflight("https://idalko-tools.gallerycdn.vsassets.io");
    expect(allowed.headers["access-control-allow-origin"]).toBe(
      "https://idalko-tools.gallerycdn.vsassets.io",
    );
    expect(String(allowed.headers["access-control-allow-headers"])).toContain(
      "x-azdo-access-token",
    );
    expect((await preflight("null")).headers["access-control-allow-origin"]).toBe("null");
    expect(
      (await preflight("https://evil.example")).headers["access-control-allow-origin"],
    ).toBeUndefined();
  });
});

test("the rate limit answers 429 with its catalogued code", async () => {
  const node = await startTestNode(testDialects()[0]!, {
    rateLimit: { max: 3, timeWindowMs: 60_000 },
  });
  try {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i += 1) {
      last = await node.app.inject({ method: "GET", url: ROUTES.health });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last?.json()).toMatchObject({ code: "SYNC_ERR_RATE_LIMITED", statusCode: 429 });
  } finally {
    await node.close();
  }
});

test("unexpected errors are masked as SYNC_ERR_INTERNAL and logged with the request id, without secrets", async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  const logger = pino(logOptions("info"), stream);
  const node = await startTestNode(testDialects()[0]!, { logger });
  try {
    const headers = await node.adminHeaders();
    await node.store.close();
    const ready = await node.app.inject({ method: "GET", url: ROUTES.ready });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().code).toBe("SYNC_ERR_UNAVAILABLE");
    const broken = await node.app.inject({ method: "GET", url: ROUTES.connections, headers });
    expect(broken.statusCode).toBe(500);
    const body = broken.json();
    expect(body).toMatchObject({
      code: "SYNC_ERR_INTERNAL",
      message: ERRORS.SYNC_ERR_INTERNAL.message,
    });
    const log = lines.join("");
    expect(log).toContain(body.requestId);
    expect(log).toContain("unexpected error");
    expect(log).not.toContain(headers["x-azdo-access-token"]!);
    expect(log).not.toContain(headers.authorization!.slice(7));
  } finally {
    await node.close();
  }
});

describe("metrics behind METRICS_TOKEN", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("sqlite", { env: { METRICS_TOKEN: "scrape-me" } });
  });
  afterAll(() => node.close());

  test.each([
    ["no token", undefined],
    ["a wrong token", "Bearer scrape-you"],
    ["a longer token", "Bearer scrape-me-please"],
  ])("%s: 401 SYNC_ERR_AUTH_METRICS_TOKEN", async (_name, authorization) => {
    const response = await node.app.inject({
      method: "GET",
      url: ROUTES.metrics,
      headers: authorization ? { authorization } : {},
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe("SYNC_ERR_AUTH_METRICS_TOKEN");
  });

  test("the token: the Prometheus text", async () => {
    const response = await node.app.inject({
      method: "GET",
      url: ROUTES.metrics,
      headers: { authorization: "Bearer scrape-me" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("process_cpu_user_seconds_total");
  });
});
