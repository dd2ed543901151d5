import { commentAsMarkdown, commentForTarget } from "../../../src/server/ado/comment-api";
import { htmlToMarkdown, markdownToHtml } from "../../../src/server/ado/comment-format";

describe("comment formats (Markdown and HTML)", () => {
  it("renders Markdown as HTML for a target without Markdown comments", () => {
    const sent = commentForTarget(
      { text: "**bold** and *italic*\n\n- one\n- two", format: "markdown" },
      false,
    );
    expect(sent.format).toBe("html");
    expect(sent.text).toContain("<strong>bold</strong>");
    expect(sent.text).toContain("<em>italic</em>");
    expect(sent.text).toContain("<li>one</li>");
    expect(sent.text).not.toContain("**");
  });

  it("keeps Markdown as Markdown where the target supports it", () => {
    expect(commentForTarget({ text: "**bold**", format: "markdown" }, true)).toEqual({
      text: "**bold**",
      format: "markdown",
    });
  });

  it("drops scripts and javascript: links", () => {
    const html = markdownToHtml(
      'Look [here](javascript:alert(1)) <img src="x" onerror="alert(1)">\n\n<script>alert(1)</script>',
    );
    expect(html).toContain("Look");
    expect(html).not.toMatch(/<script|javascript:|onerror/i);
  });

  it("does not double-escape entities on a round trip", () => {
    const html = markdownToHtml("Tom & Jerry <3 `a < b`");
    expect(html).not.toContain("&amp;amp;");
    const back = htmlToMarkdown(html);
    expect(back).toContain("Tom & Jerry");
    expect(back).toContain("`a < b`");
    expect(htmlToMarkdown("<p>a &amp; b &lt;tag&gt;</p>")).toBe("a & b <tag>");
  });

  it("reads an HTML comment as Markdown and a Markdown comment as is", () => {
    expect(
      commentAsMarkdown({
        id: 1,
        workItemId: 1,
        text: "<p><strong>hi</strong></p>",
        format: "html",
      }),
    ).toBe("**hi**");
    expect(commentAsMarkdown({ id: 1, workItemId: 1, text: "**hi**", format: "markdown" })).toBe(
      "**hi**",
    );
  });
});
