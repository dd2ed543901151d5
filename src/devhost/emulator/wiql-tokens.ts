/**
 * The WIQL tokenizer: [bracketed fields], 'strings' ('' escapes a quote), "strings", numbers,
 * @macros, comparison operators (`!=` read as `<>`), punctuation and words.
 * @throws AdoError TF51006 at the first character that starts no token.
 */
import { wiqlSyntax } from "./ado-errors";

/** Token kinds. */
export type TokenKind = "field" | "word" | "string" | "number" | "macro" | "op" | "punct" | "end";
/** One token. */
export interface Token {
  kind: TokenKind;
  text: string;
}

const TOKEN =
  /\s*(?:(\[[^\]]*\])|('(?:[^']|'')*')|("(?:[^"]|"")*")|(-?\d+(?:\.\d+)?)|(@[A-Za-z]+)|(<>|!=|>=|<=|=|<|>)|([(),*+-])|([A-Za-z_][\w.]*))/y;

/** Splits WIQL into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    TOKEN.lastIndex = index;
    const m = TOKEN.exec(text);
    if (!m) throw wiqlSyntax("a field, value or keyword", text.slice(index).trim().split(/\s+/)[0]);
    index = TOKEN.lastIndex;
    const [, field, single, double, num, macro, op, punct, word] = m;
    if (field) tokens.push({ kind: "field", text: field.slice(1, -1).trim() });
    else if (single) tokens.push({ kind: "string", text: single.slice(1, -1).replace(/''/g, "'") });
    else if (double) tokens.push({ kind: "string", text: double.slice(1, -1).replace(/""/g, '"') });
    else if (num) tokens.push({ kind: "number", text: num });
    else if (macro) tokens.push({ kind: "macro", text: macro.toLowerCase() });
    else if (op) tokens.push({ kind: "op", text: op === "!=" ? "<>" : op });
    else if (punct) tokens.push({ kind: "punct", text: punct });
    else tokens.push({ kind: "word", text: word });
  }
  tokens.push({ kind: "end", text: "" });
  return tokens;
}
