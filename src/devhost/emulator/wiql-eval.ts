/**
 * Evaluates a parsed WIQL query against the organization's work items. Field names resolve by
 * reference name or friendly name (TF51005 when neither exists). String comparisons ignore
 * case; identity fields compare by display name, email or "Name <email>"; tree paths compare
 * with UNDER; `System.Tags CONTAINS 'x'` matches the tag x. Date literals with a time part
 * need `timePrecision=true` (without it the service compares whole days).
 */
import { wiqlInvalid, wiqlUnknownField } from "./ado-errors";
import { type FieldDef, findField } from "./fields-catalog";
import type { EmulatorStore, FieldMap, WorkItemRow } from "./store";
import type { WiqlExpr, WiqlQuery, WiqlValue } from "./wiql-parser";

/** What macros and dates resolve against. */
export interface WiqlContext {
  store: EmulatorStore;
  /** Project of the URL (`@project`); undefined for organization-level queries. */
  projectName?: string;
  /** Caller identity id (`@me`). */
  callerId: string;
  timePrecision: boolean;
}

const DAY_MS = 86_400_000;
type Scalar = string | number | boolean | undefined;

/** Resolves a field name. @throws AdoError TF51005 for an unknown field. */
export function resolveField(name: string): FieldDef {
  const def = findField(name);
  if (!def) throw wiqlUnknownField(name);
  return def;
}

function dateValue(ctx: WiqlContext, text: string): number {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw wiqlInvalid(`TF51011: The value '${text}' is not a valid date.`);
  const hasTime = /T|\d:\d/.test(text);
  if (hasTime && !ctx.timePrecision) {
    throw wiqlInvalid(
      `The query compares a date with a time part ('${text}'), but time precision is off. Run the query with timePrecision=true.`,
    );
  }
  return time;
}

function literal(ctx: WiqlContext, def: FieldDef, value: WiqlValue): Scalar {
  if (value.kind !== "macro") {
    if (def.type === "dateTime" && value.kind === "string") return dateValue(ctx, value.value);
    return value.value;
  }
  switch (value.name) {
    case "project":
      if (!ctx.projectName)
        throw wiqlInvalid(
          "TF51011: The @project macro can only be used when the query runs in the context of a project.",
        );
      return ctx.projectName;
    case "me":
      return ctx.callerId;
    case "today":
      return Math.floor(Date.now() / DAY_MS) * DAY_MS + value.offset * DAY_MS;
    default:
      throw wiqlInvalid(`TF51011: The macro @${value.name} is not supported.`);
  }
}

/** The comparable forms of a stored field value (identities match several spellings). */
function stored(ctx: WiqlContext, def: FieldDef, fields: FieldMap): Scalar[] {
  const raw = fields[def.referenceName] as Scalar;
  if (raw === undefined) return [def.type === "integer" || def.type === "double" ? undefined : ""];
  if (def.type === "dateTime") {
    const time = Date.parse(String(raw));
    return [ctx.timePrecision ? time : Math.floor(time / DAY_MS) * DAY_MS];
  }
  if (def.type === "identity") {
    const identity = ctx.store.identity(String(raw));
    return identity
      ? [
          identity.id,
          identity.displayName,
          identity.email,
          `${identity.displayName} <${identity.email}>`,
        ]
      : [raw];
  }
  return [raw];
}

function normalize(value: Scalar): Scalar {
  return typeof value === "string" ? value.toLowerCase() : value;
}

function compareOne(op: string, left: Scalar, right: Scalar, def: FieldDef): boolean {
  const a = normalize(left);
  const b = normalize(right);
  switch (op) {
    case "=":
    case "in":
      return a === b || (typeof a === "number" && Number(b) === a);
    case "<>":
      return !(a === b || (typeof a === "number" && Number(b) === a));
    case ">":
      return a !== undefined && b !== undefined && a > b;
    case "<":
      return a !== undefined && b !== undefined && a < b;
    case ">=":
      return a !== undefined && b !== undefined && a >= b;
    case "<=":
      return a !== undefined && b !== undefined && a <= b;
    case "contains":
      if (def.referenceName === "System.Tags") return String(a).split("; ").includes(String(b));
      return String(a).includes(String(b));
    case "contains words":
      return new RegExp(`\\b${String(b).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(
        String(a),
      );
    case "under":
      return a === b || String(a).startsWith(`${String(b)}\\`);
    default:
      return false;
  }
}

function compare(
  ctx: WiqlContext,
  expr: Extract<WiqlExpr, { kind: "compare" }>,
  fields: FieldMap,
): boolean {
  const def = resolveField(expr.field);
  const negated = expr.op.startsWith("not ");
  const op = negated ? expr.op.slice(4) : expr.op;
  const values = expr.values.map((v) => literal(ctx, def, v));
  const dayLiteral = def.type === "dateTime" && !ctx.timePrecision;
  const mine = stored(ctx, def, fields);
  const hit = values.some((v) =>
    mine.some((m) =>
      compareOne(
        op,
        m,
        dayLiteral && typeof v === "number" ? Math.floor(v / DAY_MS) * DAY_MS : v,
        def,
      ),
    ),
  );
  if (op === "<>") return mine.every((m) => values.every((v) => compareOne("<>", m, v, def)));
  return negated ? !hit : hit;
}

/** True when the work item's fields satisfy the condition. */
export function matches(ctx: WiqlContext, expr: WiqlExpr | undefined, fields: FieldMap): boolean {
  if (!expr) return true;
  switch (expr.kind) {
    case "and":
      return matches(ctx, expr.left, fields) && matches(ctx, expr.right, fields);
    case "or":
      return matches(ctx, expr.left, fields) || matches(ctx, expr.right, fields);
    case "not":
      return !matches(ctx, expr.expr, fields);
    case "compare":
      return compare(ctx, expr, fields);
  }
}

/** Validates every field the query names (TF51005), even when no work item is tested. */
export function checkFields(query: WiqlQuery): void {
  const visit = (expr: WiqlExpr | undefined): void => {
    if (!expr) return;
    if (expr.kind === "compare") resolveField(expr.field);
    else if (expr.kind === "not") visit(expr.expr);
    else {
      visit(expr.left);
      visit(expr.right);
    }
  };
  query.fields.forEach(resolveField);
  query.orderBy.forEach((o) => resolveField(o.field));
  visit(query.where);
}

/** Sorts matches by ORDER BY (then by id, the service's default order). */
export function sortItems(ctx: WiqlContext, query: WiqlQuery, items: WorkItemRow[]): WorkItemRow[] {
  const keys = query.orderBy.map((o) => ({ def: resolveField(o.field), descending: o.descending }));
  return [...items].sort((x, y) => {
    for (const { def, descending } of keys) {
      const a = normalize(stored({ ...ctx, timePrecision: true }, def, x.fields)[0]);
      const b = normalize(stored({ ...ctx, timePrecision: true }, def, y.fields)[0]);
      if (a === b) continue;
      const order = a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;
      return descending ? -order : order;
    }
    return x.id - y.id;
  });
}
