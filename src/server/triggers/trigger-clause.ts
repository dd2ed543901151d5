/**
 * Structural checks of a trigger's WIQL WHERE clause before it is combined with the work item
 * type and the watermark (`[System.WorkItemType] = 'Bug' AND (<clause>) AND ...`). A clause
 * must stay inside its parentheses: one that closes more than it opens, as in
 * `[System.Title] = 'a') OR ([System.WorkItemType] = 'Task'`, would otherwise escape the type
 * condition and send other work items. Azure DevOps checks the rest of the grammar.
 */
import { SyncError } from "../../shared/errors";

/** Words a WHERE clause must not contain: the node adds its own ordering. */
const FORBIDDEN = [/\border\s+by\b/i, /\basof\b/i, /\bselect\b/i, /\bfrom\s+workitem/i];

/**
 * What is wrong with the clause's structure, for the admin to read, or null when nothing is.
 * String literals ('...' with '' inside) and field names ([...]) are skipped.
 */
export function clauseProblem(clause: string): string | null {
  let depth = 0;
  let outside = "";
  for (let i = 0; i < clause.length; i++) {
    const char = clause[i]!;
    if (char === "'" || char === "[") {
      const close = char === "'" ? "'" : "]";
      let end = i + 1;
      for (; end < clause.length; end++) {
        if (clause[end] !== close) continue;
        if (close === "'" && clause[end + 1] === "'")
          end++; // '' is a quote inside
        else break;
      }
      if (end >= clause.length) {
        return char === "'"
          ? `a text value opened at character ${i + 1} is not closed with '`
          : `a field name opened at character ${i + 1} is not closed with ]`;
      }
      outside += " ";
      i = end;
      continue;
    }
    if (char === "(") depth++;
    if (char === ")" && --depth < 0) {
      return `the ")" at character ${i + 1} closes a parenthesis the clause did not open`;
    }
    outside += char;
  }
  if (depth > 0) return `${depth} parenthes${depth === 1 ? "is is" : "es are"} not closed`;
  const word = FORBIDDEN.find((pattern) => pattern.test(outside));
  if (word) return `"${word.exec(outside)![0]}" cannot be part of a WHERE clause`;
  return null;
}

/**
 * Throws unless the clause's structure is sound (see `clauseProblem`).
 * @throws SyncError SYNC_ERR_TRIGGER_INVALID with `details.problem`
 */
export function requireSoundClause(clause: string): void {
  const problem = clauseProblem(clause);
  if (problem) {
    throw new SyncError("SYNC_ERR_TRIGGER_INVALID", `The WHERE clause is not valid: ${problem}.`, {
      problem,
    });
  }
}
