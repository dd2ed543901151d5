/**
 * Prometheus metrics of the sync node (prom-client), served at `GET /metrics`. Each app gets
 * its own registry, so several apps in one process (tests) do not collide.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/** The node's metric registry and the HTTP metrics the app records. */
export interface NodeMetrics {
  readonly registry: Registry;
  /** `http_requests_total{method,route,status}`. */
  readonly httpRequests: Counter<"method" | "route" | "status">;
  /** `http_request_duration_seconds{method,route}`. */
  readonly httpDuration: Histogram<"method" | "route">;
}

/** Creates a registry with default process metrics and the HTTP metrics. */
export function createMetrics(): NodeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status code.",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer HTTP requests, by method and route pattern.",
      labelNames: ["method", "route"],
      // 5 ms .. 10 s: the hub API answers in milliseconds; Azure DevOps checks take up to ~5 s.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}
