/**
 * What a sync node says about itself (`GET /api/v1/node`): used by the hub's first-run panel
 * to test a node URL, and shown in Node settings. Unauthenticated: it holds nothing secret.
 */
import { type Static, Type } from "typebox";

export const NodeInfoSchema = Type.Object({
  /** Always "exalate-adnode-sync-node": lets the hub tell a sync node from any other server. */
  product: Type.Literal("exalate-adnode-sync-node"),
  version: Type.String(),
  /** The API versions this node serves, e.g. ["v1"]. */
  apiVersions: Type.Array(Type.String()),
  /** The node's public URL, or null for a private node. */
  publicUrl: Type.Union([Type.String(), Type.Null()]),
  /** The Azure DevOps organization (Services) or collection (Server) URL this node serves. */
  organizationUrl: Type.Union([Type.String(), Type.Null()]),
  /** Whether a background-sync credential (PAT) is stored. */
  hasSyncCredential: Type.Boolean(),
});
export type NodeInfo = Static<typeof NodeInfoSchema>;

/** Answer of `GET /health`: the process is up (no dependencies checked). */
export const HealthSchema = Type.Object({ status: Type.Literal("ok") });
export type Health = Static<typeof HealthSchema>;

/** Answer of `GET /ready`: the node can serve requests (database reachable, migrated). */
export const ReadinessSchema = Type.Object({
  status: Type.Literal("ready"),
  database: Type.Union([Type.Literal("sqlite"), Type.Literal("postgres")]),
});
export type Readiness = Static<typeof ReadinessSchema>;
