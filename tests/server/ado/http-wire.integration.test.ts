import { AdoHttp } from "../../../src/server/ado/ado-http";
import { updateWorkItem } from "../../../src/server/work-items/work-item-save";
import { isSyncError } from "../../../src/shared/errors";
import { startScriptedServer } from "../../helpers/scripted-ado-server";
import { TestClock } from "../../helpers/test-clock";

describe("AdoHttp on the wire", () => {
  let server: Awaited<ReturnType<typeof startScriptedServer>>;
  afterEach(() => server.close());

  it("sends PAT Basic auth with an empty user, JSON Patch content type and the api-version", async () => {
    server = await startScriptedServer([
      () => ({ status: 200, json: { id: 42, rev: 68, fields: {} } }),
    ]);
    const http = new AdoHttp({
      organizationUrl: server.url,
      credential: { kind: "pat", token: "s3cret" },
      product: "services",
    });
    await updateWorkItem(http, {
      project: "Alpha",
      id: 42,
      rev: 67,
      fields: { "System.Title": "T" },
    });
    const request = server.requests[0];
    expect(request.method).toBe("PATCH");
    expect(request.url.pathname).toBe("/contoso/Alpha/_apis/wit/workitems/42");
    expect(request.url.searchParams.get("api-version")).toBe("7.1");
    expect(request.headers["content-type"]).toBe("application/json-patch+json");
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from(":s3cret").toString("base64")}`,
    );
    expect(JSON.parse(request.body.toString())).toEqual([
      { op: "test", path: "/rev", value: 67 },
      { op: "add", path: "/fields/System.Title", value: "T" },
    ]);
  });

  it("probes the product once and uses the versions that server supports", async () => {
    server = await startScriptedServer([
      (r) =>
        r.url.searchParams.get("api-version") === "7.1"
          ? {
              status: 400,
              json: {
                message:
                  "The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is 7.0.",
                typeKey: "VssVersionOutOfRangeException",
              },
            }
          : { status: 200, json: { value: [], comments: [] } },
    ]);
    const http = new AdoHttp({
      organizationUrl: server.url,
      credential: { kind: "bearer", token: "t" },
    });
    expect(await http.productInUse()).toBe("server2022");
    await http.send({ method: "GET", path: "_apis/projects" });
    await http.send({
      method: "GET",
      path: "Alpha/_apis/wit/workItems/1/comments",
      version: "comments",
    });
    const versions = server.requests.map((r) => r.url.searchParams.get("api-version"));
    expect(versions).toEqual(["7.1", "7.0", "7.0-preview.3"]);
    expect(server.requests[1].headers.authorization).toBe("Bearer t");
  });

  it("maps a 404 work item to SYNC_ERR_WORK_ITEM_NOT_FOUND keeping TF401232", async () => {
    server = await startScriptedServer([
      () => ({
        status: 404,
        json: {
          message:
            "TF401232: Work item 9 does not exist, or you do not have permissions to read it.",
          typeKey: "WorkItemUnauthorizedAccessException",
        },
      }),
    ]);
    const http = new AdoHttp({
      organizationUrl: server.url,
      credential: { kind: "pat", token: "pat-zq81-secret" },
      product: "services",
    });
    const { getWorkItem } = await import("../../../src/server/ado/work-item-api");
    const error = await getWorkItem(http, 9).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe("SYNC_ERR_WORK_ITEM_NOT_FOUND");
    expect(isSyncError(error) && error.details).toMatchObject({ adoCode: "TF401232", status: 404 });
    expect(JSON.stringify(isSyncError(error) && error.details)).not.toContain("pat-zq81-secret");
  });

  it("reports a dropped answer as SYNC_ERR_ADO_UNREACHABLE with an unknown outcome", async () => {
    server = await startScriptedServer([() => ({ drop: true })]);
    const http = new AdoHttp({
      organizationUrl: server.url,
      credential: { kind: "pat", token: "x" },
      product: "services",
      clock: TestClock.fixed(),
    });
    const error = await http
      .send({
        method: "POST",
        path: "Alpha/_apis/wit/workitems/$Bug",
        body: { kind: "patch", operations: [] },
      })
      .catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe("SYNC_ERR_ADO_UNREACHABLE");
    expect(isSyncError(error) && error.details?.outcome).toBe("unknown");
    expect(server.requests).toHaveLength(1);
  });

  it("never sends the credential to another host", async () => {
    server = await startScriptedServer();
    const http = new AdoHttp({
      organizationUrl: server.url,
      credential: { kind: "pat", token: "x" },
      product: "services",
    });
    const error = await http
      .send({ method: "GET", path: "http://evil.example/_apis/x" })
      .catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe("SYNC_ERR_ADO_REJECTED");
    expect(server.requests).toHaveLength(0);
  });
});
