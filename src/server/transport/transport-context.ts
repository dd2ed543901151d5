/** What the transport's parts share: storage, keys, identity, clocks, HTTP and settings. */
import type { FastifyBaseLogger } from "fastify";

import type { SecretBox } from "../crypto/secret-box";
import type { IssuerContext } from "../node-settings/node-identity";
import type { Store } from "../storage/store";
import type { TransportConnections } from "./transport-connections";
import { MAX_LONG_POLL_MS } from "./transport-contract";

/** An HTTP client with `fetch`'s shape (Default: undici fetch through the proxy agent). */
export type HttpFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Waits `ms` (of the transport's clock); resolves early when `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Tunables of the transport, in milliseconds unless named otherwise. */
export interface TransportSettings {
  /** How long a long-poll waits for an event (Default: 25 s, docs/architecture.md#sync-model). */
  longPollMs: number;
  /**
   * While a long-poll waits, the database is re-read this often even without a wake-up
   * (Default: 1 s): an in-process signal can fire before its writer commits (queue-signals.ts).
   */
  recheckMs: number;
  /** How often the worker looks for connections to start or stop serving (Default: 2 s). */
  superviseMs: number;
  /**
   * Consecutive failures after which an unreachable partner turns the connection's status to
   * error (Default: 3: one lost request is noise, three in a row across backoff is an outage).
   */
  errorAfterFailures: number;
  /** Timeout of an ordinary request to the partner (Default: 30 s). */
  requestTimeoutMs: number;
}

/** Defaults of `TransportSettings` (see each field). */
export const DEFAULT_TRANSPORT_SETTINGS: TransportSettings = {
  longPollMs: MAX_LONG_POLL_MS,
  recheckMs: 1_000,
  superviseMs: 2_000,
  errorAfterFailures: 3,
  requestTimeoutMs: 30_000,
};

/** Dependencies of the transport. */
export interface TransportContext {
  readonly store: Store;
  /** Seals connection secrets. */
  readonly box: SecretBox;
  /** This node's identity and public URL. */
  readonly issuer: IssuerContext;
  /** Connection lookups and secrets (provided by the connections slice). */
  readonly connections: TransportConnections;
  /** Clock in epoch ms (tokens, contact times, backoff). */
  readonly now: () => number;
  /** Backoff waits (tests pass one that advances a simulated clock). */
  readonly sleep: Sleep;
  readonly fetch: HttpFetch;
  readonly log: FastifyBaseLogger;
  readonly settings: TransportSettings;
  /** Aborted when the node shuts down: ends long-polls and loops. */
  readonly shutdown: AbortSignal;
}

/** A real-time `Sleep`. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
