/**
 * A recursive-descent parser for the WIQL subset the sync uses (learn.microsoft.com "WIQL
 * syntax"): `SELECT <fields> FROM WorkItems [WHERE <condition>] [ORDER BY <field> [ASC|DESC],
 * ...] [ASOF '<date>']`. Conditions: field comparisons (=, <>, >, <, >=, <=), [NOT] IN (...),
 * [NOT] CONTAINS [WORDS], [NOT] UNDER, combined with AND, OR, NOT and parentheses. Values:
 * 'strings' ('' escapes a quote), "strings", numbers, TRUE/FALSE, and macros (@project, @me,
 * @today with an optional +/- day offset). Field names stay raw here; the evaluator resolves
 * them (TF51005 for unknown ones).
 * @throws AdoError TF51006 (syntax) naming the token where parsing stopped.
 */
import { wiqlSyntax } from "./ado-errors";
import { type Token, tokenize } from "./wiql-tokens";

/** A literal or macro on the right side of a comparison. */
export type WiqlValue =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "macro"; name: string; offset: number };

/** Comparison operators (after folding `NOT` forms). */
export const WIQL_OPERATORS = [
  "=",
  "<>",
  ">",
  "<",
  ">=",
  "<=",
  "in",
  "not in",
  "contains",
  "not contains",
  "contains words",
  "not contains words",
  "under",
  "not under",
] as const;
export type WiqlOperator = (typeof WIQL_OPERATORS)[number];

/** A condition tree. */
export type WiqlExpr =
  | { kind: "and" | "or"; left: WiqlExpr; right: WiqlExpr }
  | { kind: "not"; expr: WiqlExpr }
  | { kind: "compare"; field: string; op: WiqlOperator; values: WiqlValue[] };

/** A parsed query. */
export interface WiqlQuery {
  fields: string[];
  from: string;
  where?: WiqlExpr;
  orderBy: Array<{ field: string; descending: boolean }>;
  asOf?: string;
}

/** Parses WIQL text into a query. */
export function parseWiql(text: string): WiqlQuery {
  return new Parser(tokenize(text)).query();
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private isWord(word: string, offset = 0): boolean {
    const t = this.tokens[this.pos + offset];
    return t?.kind === "word" && t.text.toLowerCase() === word;
  }

  private fail(expected: string): never {
    throw wiqlSyntax(expected, this.peek().kind === "end" ? "end of query" : this.peek().text);
  }

  private expectWord(word: string): void {
    if (!this.isWord(word)) this.fail(word.toUpperCase());
    this.pos++;
  }

  private expectPunct(punct: string): void {
    const t = this.peek();
    if (t.kind !== "punct" || t.text !== punct) this.fail(`'${punct}'`);
    this.pos++;
  }

  query(): WiqlQuery {
    this.expectWord("select");
    const fields = this.fieldList();
    this.expectWord("from");
    const from = this.next();
    if (from.kind !== "word") this.fail("a source such as WorkItems");
    const query: WiqlQuery = { fields, from: from.text, orderBy: [] };
    if (this.isWord("where")) {
      this.pos++;
      query.where = this.orExpr();
    }
    if (this.isWord("order")) {
      this.pos++;
      this.expectWord("by");
      query.orderBy = this.orderList();
    }
    if (this.isWord("asof")) {
      this.pos++;
      const date = this.next();
      if (date.kind !== "string") this.fail("a date string after ASOF");
      query.asOf = date.text;
    }
    if (this.peek().kind !== "end") this.fail("end of query");
    return query;
  }

  private field(): string {
    const t = this.peek();
    if (t.kind === "field" || (t.kind === "word" && !isKeyword(t.text))) {
      this.pos++;
      return t.text;
    }
    return this.fail("a field name");
  }

  private fieldList(): string[] {
    if (this.peek().kind === "punct" && this.peek().text === "*") {
      this.pos++;
      return ["System.Id"];
    }
    const fields = [this.field()];
    while (this.peek().kind === "punct" && this.peek().text === ",") {
      this.pos++;
      fields.push(this.field());
    }
    return fields;
  }

  private orderList(): WiqlQuery["orderBy"] {
    const list: WiqlQuery["orderBy"] = [];
    do {
      if (list.length > 0) this.pos++;
      const field = this.field();
      let descending = false;
      if (this.isWord("asc") || this.isWord("desc"))
        descending = this.next().text.toLowerCase() === "desc";
      list.push({ field, descending });
    } while (this.peek().kind === "punct" && this.peek().text === ",");
    return list;
  }

  private orExpr(): WiqlExpr {
    let left = this.andExpr();
    while (this.isWord("or")) {
      this.pos++;
      left = { kind: "or", left, right: this.andExpr() };
    }
    return left;
  }

  private andExpr(): WiqlExpr {
    let left = this.unary();
    while (this.isWord("and")) {
      this.pos++;
      left = { kind: "and", left, right: this.unary() };
    }
    return left;
  }

  private unary(): WiqlExpr {
    if (this.isWord("not")) {
      this.pos++;
      return { kind: "not", expr: this.unary() };
    }
    if (this.peek().kind === "punct" && this.peek().text === "(") {
      this.pos++;
      const expr = this.orExpr();
      this.expectPunct(")");
      return expr;
    }
    return this.comparison();
  }

  private comparison(): WiqlExpr {
    const field = this.field();
    const op = this.operator();
    const values = op === "in" || op === "not in" ? this.valueList() : [this.value()];
    return { kind: "compare", field, op, values };
  }

  private operator(): WiqlOperator {
    const t = this.peek();
    if (t.kind === "op") {
      this.pos++;
      return t.text as WiqlOperator;
    }
    const negated = this.isWord("not");
    if (negated) this.pos++;
    const word = this.peek().kind === "word" ? this.peek().text.toLowerCase() : "";
    if (word === "in" || word === "under") {
      this.pos++;
      return (negated ? `not ${word}` : word) as WiqlOperator;
    }
    if (word === "contains") {
      this.pos++;
      const words = this.isWord("words");
      if (words) this.pos++;
      const base = words ? "contains words" : "contains";
      return (negated ? `not ${base}` : base) as WiqlOperator;
    }
    return this.fail("a comparison operator");
  }

  private valueList(): WiqlValue[] {
    this.expectPunct("(");
    const values = [this.value()];
    while (this.peek().kind === "punct" && this.peek().text === ",") {
      this.pos++;
      values.push(this.value());
    }
    this.expectPunct(")");
    return values;
  }

  private value(): WiqlValue {
    const t = this.next();
    switch (t.kind) {
      case "string":
        return { kind: "string", value: t.text };
      case "number":
        return { kind: "number", value: Number(t.text) };
      case "macro":
        return { kind: "macro", name: t.text.slice(1), offset: this.macroOffset() };
      case "word":
        if (/^(true|false)$/i.test(t.text))
          return { kind: "boolean", value: t.text.toLowerCase() === "true" };
        break;
      default:
        break;
    }
    this.pos--;
    return this.fail("a value");
  }

  private macroOffset(): number {
    const t = this.peek();
    // "@today-1" tokenizes as a macro and a negative number.
    if (t.kind === "number" && t.text.startsWith("-")) {
      this.pos++;
      return Number(t.text);
    }
    if (t.kind !== "punct" || (t.text !== "+" && t.text !== "-")) return 0;
    this.pos++;
    const n = this.next();
    if (n.kind !== "number") {
      this.pos--;
      this.fail("a number");
    }
    return (t.text === "-" ? -1 : 1) * Number(n.text);
  }
}

const KEYWORDS = new Set([
  "select",
  "from",
  "where",
  "and",
  "or",
  "not",
  "order",
  "by",
  "asc",
  "desc",
  "asof",
  "in",
  "under",
  "contains",
  "words",
]);

function isKeyword(word: string): boolean {
  return KEYWORDS.has(word.toLowerCase());
}
