import { DEFAULT_TITLE_MAX, limitTitle } from "../../../src/server/work-items/title-limit";

describe("limitTitle", () => {
  it("keeps a title within the limit unchanged and warns about nothing", () => {
    const title = "x".repeat(DEFAULT_TITLE_MAX);
    expect(limitTitle(title)).toEqual({ title });
  });

  it("cuts a prefixed 255-character title to 255 UTF-16 units with a warning", () => {
    const result = limitTitle(`[contoso] ${"a".repeat(255)}`);
    expect(result.title).toHaveLength(255);
    expect(result.title.startsWith("[contoso] ")).toBe(true);
    expect(result.warning).toMatchObject({
      code: "TITLE_TRUNCATED",
      field: "System.Title",
      details: { originalLength: 265, maxLength: 255 },
    });
  });

  it("never splits a surrogate pair at the cut", () => {
    const title = `${"a".repeat(254)}😀tail`; // the emoji occupies units 255 and 256
    const result = limitTitle(title);
    expect(result.title).toBe("a".repeat(254));
    expect(result.title.length).toBeLessThanOrEqual(255);
    expect(() => encodeURIComponent(result.title)).not.toThrow();
  });

  it("keeps a whole emoji that fits and honours a configured maximum", () => {
    const result = limitTitle("ab😀cd", 4);
    expect(result.title).toBe("ab😀");
    expect(result.warning?.details).toEqual({ originalLength: 6, maxLength: 4 });
  });
});
