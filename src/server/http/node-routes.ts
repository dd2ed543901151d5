/**
 * Routes about the node itself: node info (unauthenticated, nothing secret), liveness,
 * readiness (database reachable) and Prometheus metrics (behind `METRICS_TOKEN` when set: a
 * public node's request counts are nobody else's business).
 */
import { HealthSchema, NodeInfoSchema, ReadinessSchema } from "../../shared/contracts/node-info";
import { ROUTES } from "../../shared/contracts/routes";
import { SyncError } from "../../shared/errors";
import type { NodeConfig } from "../config";
import { sameSecret } from "../crypto/same-secret";
import type { NodeMetrics } from "../observability/metrics";
import type { Store } from "../storage/store";
import { ERROR_RESPONSES, type NodeApp } from "./node-app";

/** Version reported by node info (package.json "version"). */
const NODE_VERSION = "0.1.0";

/** Dependencies of the node routes. */
export interface NodeRouteDeps {
  config: Pick<NodeConfig, "publicUrl" | "organizationUrl" | "syncPat"> &
    Partial<Pick<NodeConfig, "metricsToken">>;
  store: Store;
  metrics: NodeMetrics;
  /** Whether a PAT is stored in node settings (later issue) or configured. */
  hasSyncCredential: () => Promise<boolean>;
}

/** Registers node info, health, ready and metrics. */
export function registerNodeRoutes(app: NodeApp, deps: NodeRouteDeps): void {
  app.get(
    ROUTES.nodeInfo,
    { schema: { tags: ["node"], response: { 200: NodeInfoSchema, ...ERROR_RESPONSES } } },
    async () => ({
      product: "exalate-adnode-sync-node" as const,
      version: NODE_VERSION,
      apiVersions: ["v1"],
      publicUrl: deps.config.publicUrl,
      organizationUrl: deps.config.organizationUrl,
      hasSyncCredential: await deps.hasSyncCredential(),
    }),
  );
  app.get(ROUTES.health, { schema: { tags: ["node"], response: { 200: HealthSchema } } }, () => ({
    status: "ok" as const,
  }));
  app.get(
    ROUTES.ready,
    { schema: { tags: ["node"], response: { 200: ReadinessSchema, ...ERROR_RESPONSES } } },
    async (request) => {
      try {
        await deps.store.ping();
      } catch (error) {
        request.log.warn({ err: error }, "readiness check: database unreachable");
        throw new SyncError("SYNC_ERR_UNAVAILABLE", "The sync node cannot reach its database.");
      }
      return { status: "ready" as const, database: deps.store.dialect };
    },
  );
  const metricsToken = deps.config.metricsToken ?? null;
  app.get(ROUTES.metrics, { schema: { tags: ["node"] } }, async (request, reply) => {
    if (metricsToken !== null && !bearerMatches(request.headers.authorization, metricsToken)) {
      throw new SyncError("SYNC_ERR_AUTH_METRICS_TOKEN");
    }
    const body = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(body);
  });
}

/** True when `header` is `Bearer <expected>` (compared in constant time). */
function bearerMatches(header: string | undefined, expected: string): boolean {
  return sameSecret(/^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "", expected);
}
