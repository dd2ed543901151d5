import type { AdoWorkItem, JsonPatchOperation } from "../../../src/server/ado/ado-types";
import {
  createWithMarker,
  withMarker,
} from "../../../src/server/work-items/work-item-create-marker";
import { type RecordedRequest, startScriptedServer } from "../../helpers/scripted-ado-server";
import { TestClock } from "../../helpers/test-clock";

/** A one-project work item store that saves creates and can lose the answer. */
function workItemHandler(items: AdoWorkItem[], drops: { remaining: number }) {
  return (request: RecordedRequest) => {
    const path = request.url.pathname;
    if (request.method === "POST" && path.includes("/_apis/wit/workitems/$")) {
      const ops = JSON.parse(request.body.toString()) as JsonPatchOperation[];
      const fields = Object.fromEntries(
        ops.map((op) => [op.path.slice("/fields/".length), op.value]),
      );
      const item = { id: items.length + 1, rev: 1, fields };
      items.push(item);
      if (drops.remaining-- > 0) return { drop: true as const };
      return { status: 200, json: item };
    }
    if (request.method === "POST" && path.endsWith("/_apis/wit/wiql")) {
      const query = (JSON.parse(request.body.toString()) as { query: string }).query;
      const tag = /CONTAINS '([^']*)'/.exec(query)?.[1] ?? "";
      const hits = items.filter((i) =>
        String(i.fields["System.Tags"] ?? "")
          .split("; ")
          .includes(tag),
      );
      return { status: 200, json: { workItems: hits.map((i) => ({ id: i.id })) } };
    }
    const get = /\/workitems\/(\d+)$/.exec(path);
    if (request.method === "GET" && get) return { status: 200, json: items[Number(get[1]) - 1] };
    return undefined;
  };
}

describe("createWithMarker (a retried create never makes a second item)", () => {
  it("adopts the work item whose create answer was lost instead of creating another", async () => {
    const items: AdoWorkItem[] = [];
    const server = await startScriptedServer([workItemHandler(items, { remaining: 1 })]);
    try {
      const http = server.client({ clock: TestClock.fixed() });
      const result = await createWithMarker(http, {
        project: "Alpha",
        type: "Bug",
        fields: { "System.Title": "From fabrikam", "System.Tags": "sync" },
        marker: { kind: "tag", tag: "exalate:fabrikam:17" },
      });
      expect(result.adopted).toBe(true);
      expect(result.workItem.id).toBe(1);
      expect(items).toHaveLength(1);
      const creates = server.requests.filter(
        (r) => r.method === "POST" && r.url.pathname.includes("$Bug"),
      );
      expect(creates).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("creates normally and keeps the caller's tags next to the marker", async () => {
    const items: AdoWorkItem[] = [];
    const server = await startScriptedServer([workItemHandler(items, { remaining: 0 })]);
    try {
      const http = server.client();
      const result = await createWithMarker(
        http,
        {
          project: "Alpha",
          type: "Bug",
          fields: { "System.Title": "T" },
          marker: { kind: "tag", tag: "m-1" },
        },
        { lookupFirst: true },
      );
      expect(result.adopted).toBe(false);
      expect(items).toHaveLength(1);
      expect(withMarker({ "System.Tags": "a; b" }, { kind: "tag", tag: "m-1" })).toEqual({
        "System.Tags": "a; b; m-1",
      });
      expect(withMarker({}, { kind: "field", field: "Custom.SyncMarker", value: "m-1" })).toEqual({
        "Custom.SyncMarker": "m-1",
      });
    } finally {
      await server.close();
    }
  });
});
