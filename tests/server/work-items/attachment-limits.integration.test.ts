import { attachFiles, type AttachmentFile } from "../../../src/server/work-items/attachment-sync";
import { type RecordedRequest, startScriptedServer } from "../../helpers/scripted-ado-server";
import { TestClock } from "../../helpers/test-clock";

/** Server side: uploads over 1000 bytes are refused (VS403313); at most 3 links (TF237082). */
function attachmentHandler(state: { links: number; uploads: number }) {
  return (request: RecordedRequest) => {
    if (request.method === "POST" && request.url.pathname.endsWith("/_apis/wit/attachments")) {
      state.uploads += 1;
      if (request.body.length > 1000) {
        return {
          status: 413,
          json: {
            message: "VS403313: The attachment exceeds the maximum allowed size of 1000 bytes.",
          },
        };
      }
      const id = `a${state.uploads}`;
      return {
        status: 201,
        json: { id, url: `http://127.0.0.1/contoso/_apis/wit/attachments/${id}` },
      };
    }
    if (request.method === "PATCH") {
      if (state.links >= 3) {
        return {
          status: 400,
          json: {
            message:
              "TF237082: The work item cannot be saved because it would have more than 3 attached files.",
          },
        };
      }
      state.links += 1;
      return { status: 200, json: { id: 5, rev: 1 + state.links, fields: {} } };
    }
    return undefined;
  };
}

const file = (name: string, size: number): AttachmentFile => ({
  name,
  size,
  read: async () => new Uint8Array(size).fill(65),
});

describe("attachFiles", () => {
  it("attaches what fits and skips the rest with name, size and the server's code, once", async () => {
    const state = { links: 0, uploads: 0 };
    const server = await startScriptedServer([attachmentHandler(state)]);
    try {
      const http = server.client({ clock: TestClock.fixed() });
      const files = [
        file("a.txt", 10),
        file("huge.bin", 5000),
        file("b.txt", 10),
        file("c.txt", 10),
        file("d.txt", 10),
        file("e.txt", 10),
      ];
      const results = await attachFiles(http, files, {
        project: "Alpha",
        workItemId: 5,
        existingCount: 1,
      });
      expect(results.map((r) => r.status)).toEqual([
        "ok",
        "skipped",
        "ok",
        "ok",
        "skipped",
        "skipped",
      ]);
      expect(results[1].warnings[0]).toMatchObject({
        code: "ATTACHMENT_TOO_LARGE",
        details: { fileName: "huge.bin", size: 5000, serverCode: "VS403313" },
      });
      expect(results[4].warnings[0]).toMatchObject({
        code: "ATTACHMENT_LIMIT_REACHED",
        details: { fileName: "d.txt", serverCode: "TF237082" },
      });
      // e.txt is skipped without another request: the service has said the work item is full.
      expect(results[5].warnings[0].details).toMatchObject({ fileName: "e.txt" });
      expect(state.uploads).toBe(5);
      expect(server.requests).toHaveLength(9); // 5 uploads + 4 link attempts; no retries of refusals
    } finally {
      await server.close();
    }
  });

  it("skips files over the configured limit and past 100 attachments without sending them", async () => {
    const server = await startScriptedServer([attachmentHandler({ links: 0, uploads: 0 })]);
    try {
      const http = server.client();
      const results = await attachFiles(
        http,
        [file("big.iso", 2_000_000), file("one-too-many.txt", 1)],
        {
          project: "Alpha",
          workItemId: 5,
          existingCount: 100,
          maxBytes: 1_000_000,
        },
      );
      expect(results.map((r) => r.warnings[0]?.code)).toEqual([
        "ATTACHMENT_LIMIT_REACHED",
        "ATTACHMENT_LIMIT_REACHED",
      ]);
      const sized = await attachFiles(http, [file("big.iso", 2_000_000)], {
        project: "Alpha",
        workItemId: 5,
        existingCount: 0,
        maxBytes: 1_000_000,
      });
      expect(sized[0].warnings[0]).toMatchObject({
        code: "ATTACHMENT_TOO_LARGE",
        details: { size: 2_000_000 },
      });
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
