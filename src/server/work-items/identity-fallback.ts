/**
 * Unknown identities in identity fields (bluebasher/WorkItemUpdater#78).
 *
 * The work item API accepts an e-mail address (or UPN, or unique display name) in identity
 * fields such as `System.AssignedTo` and resolves it itself, counting group-held and
 * directory memberships as the service does. When it cannot, it refuses the whole save with
 * 400 `WorkItemFieldInvalidException`: "The identity value 'x' for field 'Assigned To' is an
 * unknown identity." and `customProperties.ReferenceName` naming the field
 * (Azure/azure-sdk-tools#6760, bluebasher/WorkItemUpdater#78). Rather than resolving
 * identities ahead (another API, another permission), the save is retried without that field
 * or with the configured fallback identity, and a warning names the identity.
 */
import type { AdoErrorInfo } from "../ado/ado-error-map";
import type { FieldChanges } from "./json-patch";
import type { SyncWarning } from "./sync-warning";

/** How unknown identities are handled. */
export interface IdentityPolicy {
  /** Identity to use instead of an unknown one (e-mail); absent or null: leave the field out. */
  fallback?: string | null;
}

/** The rejected identity: field reference name (when known) and the value. */
export interface UnknownIdentity {
  field?: string;
  value: string;
}

const UNKNOWN_IDENTITY = /identity value '(.*)' for field '(.*)' is an unknown identity/i;

/** Reads an "unknown identity" rejection; undefined for any other answer. */
export function unknownIdentityOf(info: AdoErrorInfo): UnknownIdentity | undefined {
  if (info.status !== 400) return undefined;
  const match = UNKNOWN_IDENTITY.exec(info.adoMessage ?? "");
  if (!match) return undefined;
  const field = info.customProperties?.ReferenceName;
  return { field: typeof field === "string" ? field : undefined, value: match[1] };
}

/**
 * The field to change: the named one, else the patched field whose value is the identity.
 * Values may be strings or `{uniqueName}`-like objects.
 */
export function fieldOfIdentity(
  fields: FieldChanges,
  unknown: UnknownIdentity,
): string | undefined {
  if (unknown.field && unknown.field in fields) return unknown.field;
  return Object.keys(fields).find((name) => identityText(fields[name]) === unknown.value);
}

function identityText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const ref = value as { uniqueName?: unknown; id?: unknown };
    if (typeof ref.uniqueName === "string") return ref.uniqueName;
    if (typeof ref.id === "string") return ref.id;
  }
  return undefined;
}

/**
 * Applies the policy to one rejected field: returns the changed fields and a warning. The
 * fallback is used once; if it is itself unknown the field is left out.
 */
export function replaceUnknownIdentity(
  fields: FieldChanges,
  field: string,
  unknown: UnknownIdentity,
  policy: IdentityPolicy,
): { fields: FieldChanges; warning: SyncWarning } {
  const next = { ...fields };
  const useFallback = Boolean(policy.fallback) && unknown.value !== policy.fallback;
  if (useFallback) next[field] = policy.fallback;
  else delete next[field];
  const outcome = useFallback ? `set to the fallback ${policy.fallback}` : "left out";
  return {
    fields: next,
    warning: {
      code: "IDENTITY_UNKNOWN",
      field,
      message: `${unknown.value} is not a known identity in this organization; ${field} was ${outcome}.`,
      details: { identity: unknown.value, fallback: useFallback ? policy.fallback : null },
    },
  };
}
