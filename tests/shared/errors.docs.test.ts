/**
 * docs/errors.md documents the error catalogue (src/shared/errors.ts): every code once, with the
 * catalogue's HTTP status ("none" for the codes the hub raises itself, status 0). The page is
 * read with marked's lexer: every table whose first columns are Code and Status is a list of
 * documented codes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { Lexer, type Tokens } from "marked";

import { ERRORS } from "../../src/shared/errors";

const PAGE = path.resolve(__dirname, "../../docs/errors.md");

/** One documented code: a row of a Code/Status table. */
interface DocumentedCode {
  code: string;
  /** The Status cell as written: "409", "none", ... */
  status: string;
  /** The row's other cells (meaning, what to do). */
  text: string[];
}

/** The rows of every Code/Status table of `markdown`. */
function documentedCodes(markdown: string): DocumentedCode[] {
  const tables = Lexer.lex(markdown).filter(
    (token): token is Tokens.Table =>
      token.type === "table" &&
      (token as Tokens.Table).header[0]?.text === "Code" &&
      (token as Tokens.Table).header[1]?.text === "Status",
  );
  return tables.flatMap((table) =>
    table.rows.map(([code, status, ...rest]) => ({
      code: /^`([^`]+)`$/.exec(code!.text.trim())?.[1] ?? code!.text.trim(),
      status: status!.text.trim(),
      text: rest.map((cell) => cell.text.trim()),
    })),
  );
}

/** The Status cell the page must show for catalogue status `status`. */
function statusCell(status: number): string {
  return status === 0 ? "none" : String(status);
}

/**
 * Where the page and the catalogue disagree, one line each: a code missing from the page, a
 * code on the page that is not in the catalogue, a code shown twice, a different status, an
 * empty explanation. Empty when they agree.
 */
function disagreements(
  catalogue: Readonly<Record<string, { status: number }>>,
  markdown: string,
): string[] {
  const rows = documentedCodes(markdown);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const spec = Object.prototype.hasOwnProperty.call(catalogue, row.code)
      ? catalogue[row.code]
      : undefined;
    if (seen.has(row.code)) problems.push(`${row.code}: on the page twice`);
    seen.add(row.code);
    if (!spec) {
      problems.push(`${row.code}: on the page, not in the catalogue`);
      continue;
    }
    if (row.status !== statusCell(spec.status)) {
      problems.push(
        `${row.code}: status ${row.status} on the page, ${statusCell(spec.status)} in the catalogue`,
      );
    }
    if (row.text.length < 2 || row.text.some((cell) => cell === "")) {
      problems.push(`${row.code}: meaning or what to do is empty`);
    }
  }
  for (const code of Object.keys(catalogue)) {
    if (!seen.has(code)) problems.push(`${code}: in the catalogue, missing from the page`);
  }
  return problems;
}

const page = readFileSync(PAGE, "utf8");

test("docs/errors.md documents exactly the catalogue's codes with their statuses", () => {
  expect(documentedCodes(page).length).toBeGreaterThan(0);
  expect(disagreements(ERRORS, page)).toEqual([]);
});

test("the check reports a missing code, an unknown code and a wrong status", () => {
  const broken = page
    .replace(/^\| `SYNC_ERR_RATE_LIMITED` .*\n/m, "")
    .replace("`SYNC_ERR_TRIGGER_NOT_FOUND`", "`SYNC_ERR_TRIGGER_GONE`")
    .replace(/(`SYNC_ERR_CONNECTION_NAME_TAKEN`\s*\|\s*)409/, "$1400");
  expect(disagreements(ERRORS, broken).sort()).toEqual(
    [
      "SYNC_ERR_CONNECTION_NAME_TAKEN: status 400 on the page, 409 in the catalogue",
      "SYNC_ERR_RATE_LIMITED: in the catalogue, missing from the page",
      "SYNC_ERR_TRIGGER_GONE: on the page, not in the catalogue",
      "SYNC_ERR_TRIGGER_NOT_FOUND: in the catalogue, missing from the page",
    ].sort(),
  );
});

test("client-side codes (status 0) are shown as 'none'", () => {
  const row = documentedCodes(page).find((r) => r.code === "SYNC_ERR_CLIENT_NETWORK");
  expect(row?.status).toBe("none");
});
