import { addComment, commentAsMarkdown, listComments } from "../../../src/server/ado/comment-api";
import { createWorkItem } from "../../../src/server/work-items/work-item-save";
import { type AdoFixture, startAdoFixture } from "../../helpers/ado-emulator-fixture";

const MARKDOWN = "**Fixed** in `build 42` & deployed:\n\n- step *one*\n- step two";

describe.each(["services", "server2022"] as const)("comments on %s", (product) => {
  let fx: AdoFixture;
  let workItemId: number;
  beforeAll(async () => {
    fx = await startAdoFixture({ product });
    ({
      workItem: { id: workItemId },
    } = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Bug",
      fields: { "System.Title": "Commented" },
    }));
  });
  afterAll(() => fx.emulator.close());

  it("adds a Markdown comment so that it renders formatted, not as raw asterisks", async () => {
    const added = await addComment(fx.http, "Alpha", workItemId, {
      text: MARKDOWN,
      format: "markdown",
    });
    if (product === "services") {
      expect(added.format).toBe("markdown");
      expect(added.text).toBe(MARKDOWN);
    } else {
      expect(added.format ?? "html").toBe("html");
      expect(added.text).toContain("<strong>Fixed</strong>");
      expect(added.text).not.toContain("**");
    }
    const [listed] = await listComments(fx.http, "Alpha", workItemId, { expand: "renderedText" });
    const rendered = listed.renderedText ?? listed.text;
    expect(rendered).toContain("<strong>Fixed</strong>");
    expect(rendered).not.toContain("&amp;amp;");
  });

  it("reads comments back as the same Markdown, without double escaping", async () => {
    await addComment(fx.http, "Alpha", workItemId, {
      text: "<p>An <em>HTML</em> note &amp; more</p>",
      format: "html",
    });
    const comments = await listComments(fx.http, "Alpha", workItemId);
    expect(comments).toHaveLength(2);
    const [first, second] = comments.map(commentAsMarkdown);
    expect(first).toContain("**Fixed**");
    expect(first).toContain("`build 42` & deployed");
    expect(first).toMatch(/-\s+step \*one\*/);
    expect(second).toBe("An *HTML* note & more");
  });

  it("adds a comment once even when the answer is lost", async () => {
    const before = (await listComments(fx.http, "Alpha", workItemId)).length;
    fx.emulator.faults.add({ kind: "dropAfterApply", method: "POST", path: "/comments" });
    const added = await addComment(fx.http, "Alpha", workItemId, {
      text: "Once only",
      format: "markdown",
    });
    expect(commentAsMarkdown(added)).toBe("Once only");
    expect(await listComments(fx.http, "Alpha", workItemId)).toHaveLength(before + 1);
    expect(fx.emulator.faults.hits().dropAfterApply).toBe(1);
  });
});
