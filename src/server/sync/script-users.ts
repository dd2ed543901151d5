/**
 * The users `nodeHelper.getUserByEmail` finds in an incoming script. Scripts have no I/O, so
 * before one runs, the people its replica names (assignee, reporter, comment authors) are
 * looked up in this organization (Identities API through `SyncAdoAccess.userByEmail`, cached
 * there) and handed to the script as `context.users`.
 */
import type { Replica, ScriptContext } from "../../shared/contracts/replica";
import type { SyncAdoAccess, SyncLogger } from "./sync-context";

/**
 * Most distinct addresses looked up for one replica. (Default: 25: a work item names a handful
 * of people; a replica naming hundreds of comment authors must not cost hundreds of requests.)
 */
export const SCRIPT_USER_LOOKUP_LIMIT = 25;

/** The distinct e-mail addresses a replica names, lower-cased, assignee and reporter first. */
export function emailsOfReplica(replica: Replica): string[] {
  const people = [replica.assignee, replica.reporter, ...replica.comments.map((c) => c.author)];
  const emails = people
    .map((person) => person?.email.trim().toLowerCase() ?? "")
    .filter((email) => email.includes("@"));
  return [...new Set(emails)].slice(0, SCRIPT_USER_LOOKUP_LIMIT);
}

/**
 * The users of this organization among the people `replica` names, as `context.users`
 * (`email` is the address asked for, so the script's lookup by that address matches).
 * A failed lookup (no `vso.identity` scope, an outage) leaves that person out with a warning:
 * the script then gets null from `getUserByEmail`, as for an unknown user
 * (work-items/identity-fallback.ts).
 */
export async function scriptUsersFor(
  ado: SyncAdoAccess,
  replica: Replica,
  logger: SyncLogger,
): Promise<ScriptContext["users"]> {
  const users: ScriptContext["users"] = [];
  for (const email of emailsOfReplica(replica)) {
    try {
      const identity = await ado.userByEmail(email);
      if (identity) users.push({ email, displayName: identity.displayName ?? email });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      logger.warn({ code, replica: replica.key }, "user lookup for the incoming script failed");
    }
  }
  return users;
}
