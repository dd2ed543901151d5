/**
 * The node's background-sync credential (Node settings): a personal access token the
 * node verifies before storing, stores encrypted and never returns.
 */
import { type Static, Type } from "typebox";

/** Body of `PUT /api/v1/node/credential`. */
export const NodeCredentialInputSchema = Type.Object({
  /** The personal access token (never echoed back, never logged). */
  pat: Type.String({ minLength: 1, maxLength: 512 }),
  /** Project the verification writes in (a validate-only create); absent: the first project. */
  project: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
});
export type NodeCredentialInput = Static<typeof NodeCredentialInputSchema>;

/** What the hub may know about the stored credential. */
export const NodeCredentialStatusSchema = Type.Object({
  /** `stored`: saved through Node settings; `environment`: AZDO_PAT; `none`. */
  source: Type.Enum(["stored", "environment", "none"]),
  /** Display name of the identity the token acts as (the sync identity), when known. */
  identity: Type.Union([Type.String(), Type.Null()]),
  /** When it was saved through Node settings. */
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
export type NodeCredentialStatus = Static<typeof NodeCredentialStatusSchema>;
