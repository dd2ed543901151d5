/** The helpers users know by name: commentHelper, attachmentHelper, nodeHelper, syncHelper. */
import type { ScriptRunner } from "../../../src/server/sandbox/script-runner";
import type { Comment, Replica, ScriptWorkItem } from "../../../src/shared/contracts/replica";
import { sampleContext, sampleReplica, sampleWorkItem, startTestRunner } from "./sandbox-fixtures";

let runner: ScriptRunner;
beforeAll(() => {
  runner = startTestRunner();
});
afterAll(() => runner.close());

/** The local twin on fabrikam (id 107), with one comment the sync made earlier from remote 501. */
function twin(overrides: Partial<ScriptWorkItem> = {}): ScriptWorkItem {
  return sampleWorkItem({
    id: 107,
    key: "107",
    comments: [
      {
        id: "9001",
        remoteId: "501",
        author: null,
        body: "<p>Seen on 17.1</p>",
        format: "html",
        created: "2026-11-02T10:00:01.000Z",
        updated: null,
      },
    ],
    attachments: [],
    ...overrides,
  });
}

const remoteComment = (id: string, body: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  author: { email: "max@contoso.example", displayName: "Max <Member>" },
  body,
  format: "html",
  created: "2026-11-03T09:00:00.000Z",
  updated: null,
  ...extra,
});

const incoming = (script: string, replica: Replica, workItem = twin()) =>
  runner.runIncoming({ script, replica, workItem, firstSync: false, context: sampleContext() });

describe("commentHelper.mergeComments", () => {
  test("adds remote comments not yet present, keyed by remote id, and keeps local ones", async () => {
    const replica = sampleReplica({
      comments: [
        remoteComment("501", "<p>Seen on 17.1</p>"),
        remoteComment("502", "**fixed?**", { format: "markdown" }),
      ],
    });
    const { workItem } = await incoming(
      "workItem.comments = commentHelper.mergeComments(workItem, replica);",
      replica,
    );
    expect(workItem.comments).toHaveLength(2);
    expect(workItem.comments[1]).toEqual({
      id: null,
      remoteId: "502",
      author: { email: "max@contoso.example", displayName: "Max <Member>" },
      body: "**fixed?**",
      format: "markdown",
      created: "2026-11-03T09:00:00.000Z",
      updated: null,
    });
  });

  test("is idempotent, and also updates workItem.comments when its result is not assigned", async () => {
    const replica = sampleReplica({ comments: [remoteComment("503", "<p>x</p>")] });
    const script =
      "commentHelper.mergeComments(workItem, replica);\ncommentHelper.mergeComments(workItem, replica);";
    const { workItem } = await incoming(script, replica);
    expect(workItem.comments.map((comment) => comment.remoteId)).toEqual(["501", "503"]);
  });

  test("does not echo back a comment that was created from one of ours", async () => {
    // Remote comment 777 was made by the other side's sync from our comment 9002.
    const replica = sampleReplica({
      comments: [remoteComment("777", "<p>ours</p>", { remoteId: "9002" })],
    });
    const local = twin({
      comments: [{ ...remoteComment("9002", "<p>ours</p>"), remoteId: null }],
    });
    const { workItem } = await incoming(
      "commentHelper.mergeComments(workItem, replica);",
      replica,
      local,
    );
    expect(workItem.comments).toHaveLength(1);
  });

  test("with authorPrefix, starts each added comment with its escaped author name", async () => {
    const replica = sampleReplica({
      comments: [
        remoteComment("601", "<p>hi</p>"),
        remoteComment("602", "hi", { format: "markdown" }),
      ],
    });
    const script = "commentHelper.mergeComments(workItem, replica, { authorPrefix: true });";
    const { workItem } = await incoming(script, replica, twin({ comments: [] }));
    expect(workItem.comments.map((comment) => comment.body)).toEqual([
      "<p><strong>Max &lt;Member&gt;</strong> wrote:</p><p>hi</p>",
      "**Max <Member>** wrote:\n\nhi",
    ]);
  });
});

describe("attachmentHelper.mergeAttachments", () => {
  test("adds remote attachments not yet present, with the content reference to copy", async () => {
    const replica = sampleReplica();
    const script =
      "workItem.attachments = attachmentHelper.mergeAttachments(workItem, replica);\nattachmentHelper.mergeAttachments(workItem, replica);";
    const { workItem } = await incoming(script, replica);
    expect(workItem.attachments).toEqual([
      {
        id: null,
        remoteId: "a1b2",
        filename: "screenshot.png",
        mimeType: "image/png",
        size: 2048,
        created: "2026-11-02T11:00:00.000Z",
        contentRef: "http://127.0.0.1:3010/contoso/_apis/wit/attachments/a1b2",
      },
    ]);
  });

  test("skips attachments already merged or made from ours", async () => {
    const replica = sampleReplica({
      attachments: [
        { ...sampleReplica().attachments[0], id: "a1b2" },
        { ...sampleReplica().attachments[0], id: "zz99", remoteId: "local-7" },
      ],
    });
    const local = twin({
      attachments: [
        { ...sampleReplica().attachments[0], id: "x1", remoteId: "a1b2" },
        { ...sampleReplica().attachments[0], id: "local-7" },
      ],
    });
    const { workItem } = await incoming(
      "attachmentHelper.mergeAttachments(workItem, replica);",
      replica,
      local,
    );
    expect(workItem.attachments.map((attachment) => attachment.id)).toEqual(["x1", "local-7"]);
  });
});

describe("nodeHelper and syncHelper", () => {
  test("getUserByEmail resolves users of this organization case-insensitively, else null", async () => {
    const script = [
      "workItem.assignee = nodeHelper.getUserByEmail(' ADA@fabrikam.example ');",
      "workItem.customFields.unknown = nodeHelper.getUserByEmail('nobody@contoso.example');",
      "workItem.customFields.none = nodeHelper.getUserByEmail(null);",
    ].join("\n");
    const { workItem } = await incoming(script, sampleReplica());
    expect(workItem.assignee).toEqual({ email: "ada@fabrikam.example", displayName: "Ada Admin" });
    expect(workItem.customFields).toMatchObject({ unknown: null, none: null });
  });

  test("stripHtml turns HTML into plain text", async () => {
    const replica = sampleReplica({
      description:
        "<p>Fish &amp; chips &lt;3</p><div>line<br>two</div><script>alert(1)</script><ul><li>one</li><li>two</li></ul>",
    });
    const { workItem } = await incoming(
      "workItem.description = nodeHelper.stripHtml(replica.description);",
      replica,
    );
    expect(workItem.description).toBe("Fish & chips <3\nline\ntwo\none\ntwo");
  });

  test("stripHtml of null is the empty string", async () => {
    const { workItem } = await incoming(
      "workItem.summary = 'x' + nodeHelper.stripHtml(null);",
      sampleReplica(),
    );
    expect(workItem.summary).toBe("x");
  });

  test("getLocalIssueKeyFromRemoteId finds this connection's twins", async () => {
    const script = [
      "workItem.customFields.parent = syncHelper.getLocalIssueKeyFromRemoteId(7);",
      "workItem.customFields.missing = syncHelper.getLocalIssueKeyFromRemoteId('8');",
    ].join("\n");
    const { workItem } = await incoming(script, sampleReplica());
    expect(workItem.customFields).toMatchObject({ parent: { id: 107, key: "107" }, missing: null });
  });

  test("connection, incomingProject and firstSync are visible", async () => {
    const script =
      "workItem.summary = [connection.name, connection.localShortName, connection.remoteShortName, incomingProject.name, firstSync].join('|');";
    const { workItem } = await incoming(script, sampleReplica());
    expect(workItem.summary).toBe("contoso_to_fabrikam|fabrikam|contoso|Beta|false");
  });

  test("helpers cannot be replaced across runs: each run gets fresh globals", async () => {
    await incoming("nodeHelper = null; commentHelper.mergeComments = null;", sampleReplica()).catch(
      () => undefined,
    );
    const { workItem } = await incoming(
      "workItem.summary = typeof commentHelper.mergeComments;",
      sampleReplica(),
    );
    expect(workItem.summary).toBe("function");
  });
});
