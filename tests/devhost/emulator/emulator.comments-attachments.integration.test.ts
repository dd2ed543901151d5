/**
 * Comments (format markdown|html, Tiberriver256/mcp-server-azure-devops#179) and attachments
 * (upload, download, link, the size limit VS403313 and the attachments-per-work-item limit
 * TF237082); revisions and updates.
 */
import type { Emulator } from "../../../src/devhost/emulator/emulator";
import { call, createItem, patch, startTestEmulator } from "./emulator-helpers";

let emulator: Emulator;
let token: string;
const COMMENTS = "7.1-preview.4";

beforeAll(async () => {
  ({ emulator, token } = await startTestEmulator({
    attachmentMaxBytes: 1024,
    attachmentsPerWorkItem: 3,
  }));
});
afterAll(() => emulator.close());

describe("comments", () => {
  it("adds a Markdown comment, renders it, and saves a revision", async () => {
    const item = await createItem(emulator, token, { "System.Title": "Discuss" });
    const added = await call(
      emulator,
      "POST",
      `/Alpha/_apis/wit/workItems/${item.id}/comments?format=markdown`,
      { token, apiVersion: COMMENTS, body: { text: "**bold** move" } },
    );
    expect(added.status).toBe(200);
    expect(added.body.text).toBe("**bold** move");
    expect(added.body.format).toBe("markdown");
    const one = await call(
      emulator,
      "GET",
      `/Alpha/_apis/wit/workItems/${item.id}/comments/${added.body.id}?$expand=renderedText`,
      { token, apiVersion: COMMENTS },
    );
    expect(one.body.renderedText).toBe("<p><strong>bold</strong> move</p>");
    const now = await call(emulator, "GET", `/_apis/wit/workitems/${item.id}`, { token });
    expect(now.body.rev).toBe(2);
    expect(now.body.fields["System.CommentCount"]).toBe(1);
  });

  it("sanitizes HTML comments and lists, edits and deletes them", async () => {
    const item = await createItem(emulator, token, { "System.Title": "Html" });
    const base = `/Alpha/_apis/wit/workItems/${item.id}/comments`;
    const added = await call(emulator, "POST", `${base}?format=html`, {
      token,
      apiVersion: COMMENTS,
      body: { text: "<p>ok</p><script>alert(1)</script>" },
    });
    expect(added.body.text).toBe("<p>ok</p>");
    await call(emulator, "POST", base, { token, apiVersion: COMMENTS, body: { text: "second" } });
    const list = await call(emulator, "GET", base, { token, apiVersion: COMMENTS });
    expect(list.body.totalCount).toBe(2);
    expect(list.body.comments.map((c: { text: string }) => c.text)).toEqual([
      "second",
      "<p>ok</p>",
    ]);
    const edited = await call(emulator, "PATCH", `${base}/${added.body.id}`, {
      token,
      apiVersion: COMMENTS,
      body: { text: "<p>edited</p>" },
    });
    expect(edited.body.version).toBe(2);
    const deleted = await call(emulator, "DELETE", `${base}/${added.body.id}`, {
      token,
      apiVersion: COMMENTS,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.isDeleted).toBe(true);
    const after = await call(emulator, "GET", base, { token, apiVersion: COMMENTS });
    expect(after.body.totalCount).toBe(1);
  });

  it("is a preview resource: 7.1 without -preview is refused", async () => {
    const item = await createItem(emulator, token, { "System.Title": "Preview" });
    const answer = await call(emulator, "GET", `/Alpha/_apis/wit/workItems/${item.id}/comments`, {
      token,
      apiVersion: "7.1",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.typeKey).toBe("VssInvalidPreviewVersionException");
  });

  it("records a System.History update as a comment", async () => {
    const item = await createItem(emulator, token, { "System.Title": "History" });
    await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/System.History", value: "<div>note</div>" }],
      token,
    );
    const list = await call(emulator, "GET", `/Alpha/_apis/wit/workItems/${item.id}/comments`, {
      token,
      apiVersion: COMMENTS,
    });
    expect(list.body.comments[0].text).toBe("<div>note</div>");
    const now = await call(emulator, "GET", `/_apis/wit/workitems/${item.id}`, { token });
    expect(now.body.fields["System.History"]).toBeUndefined();
  });
});

describe("attachments", () => {
  async function upload(name: string, bytes: Buffer) {
    return call(
      emulator,
      "POST",
      `/Alpha/_apis/wit/attachments?fileName=${encodeURIComponent(name)}`,
      { token, raw: bytes },
    );
  }

  it("uploads, downloads and links a file", async () => {
    const bytes = Buffer.from([0, 1, 2, 3, 250, 251]);
    const uploaded = await upload("data.bin", bytes);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.url).toBe(
      `${emulator.url}/_apis/wit/attachments/${uploaded.body.id}?fileName=data.bin`,
    );
    const response = await fetch(`${uploaded.body.url}&api-version=7.1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    const item = await createItem(emulator, token, { "System.Title": "With file" });
    const linked = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [
        {
          op: "add",
          path: "/relations/-",
          value: { rel: "AttachedFile", url: uploaded.body.url, attributes: { comment: "spec" } },
        },
      ],
      token,
    );
    expect(linked.body.relations[0].attributes).toMatchObject({
      name: "data.bin",
      resourceSize: 6,
      comment: "spec",
    });
    expect(linked.body.fields["System.AttachedFileCount"]).toBe(1);
  });

  it("refuses a file over the size limit with VS403313", async () => {
    const answer = await upload("big.bin", Buffer.alloc(1025));
    expect(answer.status).toBe(413);
    expect(answer.body.message).toMatch(/^VS403313/);
    expect((await upload("fits.bin", Buffer.alloc(1024))).status).toBe(201);
  });

  it("refuses an attachment beyond the per-work-item limit with TF237082", async () => {
    const item = await createItem(emulator, token, { "System.Title": "Many files" });
    for (let i = 0; i < 3; i++) {
      const file = await upload(`f${i}.txt`, Buffer.from(`file ${i}`));
      const ok = await patch(
        emulator,
        "PATCH",
        `/_apis/wit/workitems/${item.id}`,
        [{ op: "add", path: "/relations/-", value: { rel: "AttachedFile", url: file.body.url } }],
        token,
      );
      expect(ok.status).toBe(200);
    }
    const extra = await upload("f3.txt", Buffer.from("one too many"));
    const answer = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/relations/-", value: { rel: "AttachedFile", url: extra.body.url } }],
      token,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/^TF237082/);
  });

  it("uploads in chunks", async () => {
    const registered = await call(
      emulator,
      "POST",
      "/_apis/wit/attachments?fileName=chunks.txt&uploadType=chunked",
      { token, raw: Buffer.alloc(0) },
    );
    const put = (range: string, text: string) =>
      fetch(
        `${emulator.url}/_apis/wit/attachments/${registered.body.id}?uploadType=chunked&api-version=7.1`,
        {
          method: "PUT",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/octet-stream",
            "content-range": range,
          },
          body: text,
        },
      );
    expect((await put("bytes 0-4/10", "hello")).status).toBe(201);
    expect((await put("bytes 5-9/10", "world")).status).toBe(201);
    const download = await call(emulator, "GET", `/_apis/wit/attachments/${registered.body.id}`, {
      token,
    });
    expect(download.body).toBe("helloworld");
  });
});

describe("revisions and updates", () => {
  it("lists snapshots and deltas with revisedBy", async () => {
    const item = await createItem(emulator, token, { "System.Title": "v1" });
    const max = await emulator.issueAccessToken(emulator.users.max);
    await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "replace", path: "/fields/System.Title", value: "v2" }],
      max,
    );
    const revisions = await call(emulator, "GET", `/_apis/wit/workitems/${item.id}/revisions`, {
      token,
    });
    expect(
      revisions.body.value.map(
        (r: { fields: Record<string, unknown> }) => r.fields["System.Title"],
      ),
    ).toEqual(["v1", "v2"]);
    const updates = await call(emulator, "GET", `/Alpha/_apis/wit/workitems/${item.id}/updates`, {
      token,
    });
    expect(updates.body.count).toBe(2);
    const second = updates.body.value[1];
    expect(second.fields["System.Title"]).toEqual({ oldValue: "v1", newValue: "v2" });
    expect(second.revisedBy.uniqueName).toBe("max@contoso.example");
    expect(updates.body.value[0].revisedDate).toBe(second.fields["System.ChangedDate"].newValue);
  });
});

describe("comment formats per version", () => {
  it("stores Markdown as given only from 7.1-preview.4; older versions keep the raw text as HTML", async () => {
    const server = await startTestEmulator({
      organization: "DefaultCollection",
      product: "server2022",
    });
    try {
      const ops = [{ op: "add", path: "/fields/System.Title", value: "Old server" }];
      const created = await patch(
        server.emulator,
        "POST",
        "/Alpha/_apis/wit/workitems/$Task",
        ops,
        server.token,
        { apiVersion: "7.0" },
      );
      const item = created.body;
      const path = `/Alpha/_apis/wit/workItems/${item.id}/comments?format=markdown&$expand=renderedText`;
      const added = await call(server.emulator, "POST", path, {
        token: server.token,
        apiVersion: "7.0-preview.3",
        body: { text: "**bold**" },
      });
      expect(added.status).toBe(200);
      expect(added.body.format).toBe("html");
      expect(added.body.renderedText).toBe("**bold**");
    } finally {
      await server.emulator.close();
    }
  });
});
