/**
 * The sync node's HTTP client for one Azure DevOps organization (or Server collection), on
 * Node's built-in `fetch`.
 *
 * - Base URL: the organization/collection URL (`https://dev.azure.com/contoso`,
 *   `https://tfs.example.com/DefaultCollection`, or the emulator's `http://127.0.0.1:P/contoso`).
 *   Request paths are relative to it; absolute URLs (attachment links, the identity service)
 *   must share its origin or the identity service's, so a credential never goes elsewhere.
 * - Auth: a PAT as Basic with an empty user name, or an access token as Bearer. Tokens never
 *   reach a log line: the logger only sees method, path, status and timings.
 * - api-version: per product (`ado-api-version.ts`), configured or probed once.
 * - Pacing (Microsoft Learn "Rate and usage limits"): every request first passes the organization
 *   gate; a `Retry-After` on any answer (200 included) pushes the gate; 429/5xx are retried (after
 *   `Retry-After`, else capped jittered backoff) up to `maxAttempts`.
 * - Non-idempotent requests (POST/PATCH unless the caller says otherwise) are retried only when
 *   the service certainly did not run them (429, or the connection was refused). When the
 *   outcome is unknown (timeout, dropped connection, 5xx) the error says so in
 *   `details.outcome = "unknown"`, and the caller decides (see `createWithMarker`).
 */
import { SyncError } from "../../shared/errors";
import { type AdoApiVersions, type AdoProduct, API_VERSIONS } from "./ado-api-version";
import { type AttemptResult, networkFailure, outcomeOf } from "./ado-attempt";
import { adoError, readAdoError } from "./ado-error-map";
import { detectProduct } from "./ado-product-probe";
import {
  type AdoCredential,
  type AdoLogger,
  type AdoRequest,
  type AdoResponse,
  authorizationHeader,
  contentTypeOf,
  identityServiceUrl,
  readJson,
} from "./ado-wire";
import {
  type AdoClock,
  backoffDelay,
  type BackoffPolicy,
  OrganizationGate,
  parseRetryAfter,
  systemClock,
} from "./rate-limit-gate";

export { isUnknownOutcome } from "./ado-attempt";
export type {
  AdoCredential,
  AdoLogger,
  AdoRequest,
  AdoRequestBody,
  AdoResponse,
  AdoVersionKind,
} from "./ado-wire";
export { authorizationHeader, identityServiceUrl } from "./ado-wire";

/** Options of `AdoHttp`. */
export interface AdoHttpOptions {
  /** Organization or collection URL, without a trailing slash needed. */
  organizationUrl: string;
  /** Identity service URL (`identity-lookup.ts`). (Default: derived from `organizationUrl`.) */
  identityUrl?: string;
  credential: AdoCredential;
  /** The product; absent: probed once with a cheap request (`ado-product-probe.ts`). */
  product?: AdoProduct;
  /** Per-attempt timeout in ms. (Default: 30000: WIQL and batch reads of 200 items take a few seconds on a busy organization; half a minute separates slow from hung.) */
  timeoutMs?: number;
  /** Attempts per request, first included. (Default: 5: with the 60 s backoff cap that spans several minutes, about one throttling window; after that the sync queue's own backoff takes over.) */
  maxAttempts?: number;
  /** Backoff when 429/5xx carry no `Retry-After`. (Default: 1000 ms base, 60000 ms cap.) */
  backoff?: Partial<BackoffPolicy>;
  /** Clock and sleep. (Default: the real clock.) */
  clock?: AdoClock;
  /** Random source in [0, 1) for jitter. (Default: Math.random.) */
  random?: () => number;
  logger?: AdoLogger;
  /** The fetch implementation. (Default: global fetch.) */
  fetch?: typeof fetch;
  /** A gate shared with other clients of the same organization. (Default: a new one.) */
  gate?: OrganizationGate;
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** The client; one per organization and credential. Safe to share between callers. */
export class AdoHttp {
  readonly organizationUrl: string;
  /** Where the identities API lives: vssps on Services, the collection URL on Server. */
  readonly identityUrl: string;
  readonly gate: OrganizationGate;
  private readonly options: Required<
    Pick<AdoHttpOptions, "timeoutMs" | "maxAttempts" | "clock" | "random" | "fetch">
  > & { backoff: BackoffPolicy };
  private product?: Promise<AdoProduct>;

  constructor(private readonly config: AdoHttpOptions) {
    this.organizationUrl = config.organizationUrl.replace(/\/+$/, "");
    this.identityUrl = (config.identityUrl ?? identityServiceUrl(this.organizationUrl)).replace(
      /\/+$/,
      "",
    );
    const clock = config.clock ?? systemClock;
    this.options = {
      timeoutMs: config.timeoutMs ?? 30_000,
      maxAttempts: config.maxAttempts ?? 5,
      clock,
      random: config.random ?? Math.random,
      fetch: config.fetch ?? ((...args) => fetch(...args)),
      backoff: { baseDelayMs: 1000, maxDelayMs: 60_000, ...config.backoff },
    };
    this.gate = config.gate ?? new OrganizationGate(clock);
    if (config.product) this.product = Promise.resolve(config.product);
  }

  /** The product (configured, or probed once and remembered). */
  productInUse(): Promise<AdoProduct> {
    this.product ??= detectProduct(this).catch((error: unknown) => {
      this.product = undefined;
      throw error;
    });
    return this.product;
  }

  /** The api-versions of the product in use. */
  async versions(): Promise<AdoApiVersions> {
    return API_VERSIONS[await this.productInUse()];
  }

  /** The clock in use (for helpers that wait between their own steps). */
  get clock(): AdoClock {
    return this.options.clock;
  }

  /** Jittered backoff for the given attempt, with this client's policy. */
  backoffFor(attempt: number): number {
    return backoffDelay(attempt, this.options.backoff, this.options.random);
  }

  /**
   * Sends a request with pacing and retries. Resolves with the parsed answer on 2xx; rejects
   * with a `SyncError` (SYNC_ERR_ADO_UNREACHABLE / _THROTTLED / _REJECTED / _CONFLICT) whose
   * details carry status, the service's code and message, method, path, attempts and
   * `outcome` ("not-applied" or "unknown").
   */
  async send<T>(request: AdoRequest): Promise<AdoResponse<T>> {
    const url = await this.buildUrl(request);
    const idempotent = request.idempotent ?? ["GET", "PUT", "DELETE"].includes(request.method);
    for (let attempt = 1; ; attempt++) {
      await this.gate.pass(request.signal);
      const result = await this.attempt<T>(request, url);
      if (result.kind === "ok") return result.response;
      const retryable = result.kind === "refused" || (idempotent ? result.retry : result.safe);
      const where = { method: request.method, path: url.pathname, attempts: attempt };
      if (!retryable || attempt >= this.options.maxAttempts) {
        // A throttled organization stays paused for later callers; the queue learns for how long.
        if (result.info.status === 429 && result.retryAfterMs === undefined) {
          this.gate.defer(this.backoffFor(attempt));
        }
        const retryAfterMs = this.gate.remaining() || undefined;
        throw adoError(result.info, {
          ...where,
          outcome: outcomeOf(result, idempotent),
          retryAfterMs,
        });
      }
      const delay = result.retryAfterMs ?? this.backoffFor(attempt);
      this.config.logger?.debug({ ...where, status: result.info.status, delay }, "ado retry");
      await this.pause(result.info.status, result.retryAfterMs, delay, request.signal);
    }
  }

  /**
   * Waits before a retry. A `Retry-After` already moved the gate. A bare 429 moves it too:
   * throttling applies to everything this identity sends. Other failures (5xx, lost answers)
   * only pause this request.
   */
  private async pause(
    status: number,
    retryAfterMs: number | undefined,
    delay: number,
    signal?: AbortSignal,
  ): Promise<void> {
    if (retryAfterMs !== undefined) return;
    if (status === 429) this.gate.defer(delay);
    else await this.clock.sleep(delay, signal);
  }

  /** Builds the URL with api-version and query; refuses absolute URLs of other origins. */
  private async buildUrl(request: AdoRequest): Promise<URL> {
    const base = new URL(`${this.organizationUrl}/`);
    const url = /^https?:\/\//i.test(request.path)
      ? new URL(request.path)
      : new URL(request.path.replace(/^\/+/, ""), base);
    if (url.origin !== base.origin && url.origin !== new URL(this.identityUrl).origin) {
      throw new SyncError(
        "SYNC_ERR_ADO_REJECTED",
        "Refusing to send credentials to another host.",
        {
          host: url.host,
        },
      );
    }
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const kind = request.version ?? "standard";
    if (kind !== "none" && !url.searchParams.has("api-version")) {
      const versions = await this.versions();
      url.searchParams.set(
        "api-version",
        kind === "comments" ? versions.comments : versions.standard,
      );
    }
    return url;
  }

  /** One attempt: fetch with timeout, then classify the answer. */
  private async attempt<T>(request: AdoRequest, url: URL): Promise<AttemptResult<T>> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.options.fetch(url, this.init(request, signal));
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      return networkFailure(error);
    }
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), this.clock.now());
    if (retryAfterMs !== undefined) this.gate.defer(retryAfterMs);
    if (response.ok && response.status !== 203) {
      return this.parseOk<T>(request, response, retryAfterMs);
    }
    const text = await response.text().catch(() => "");
    const info = readAdoError(response.status, text);
    const status = response.status;
    return {
      kind: "failed",
      info,
      retryAfterMs,
      retry: RETRYABLE_STATUSES.has(status),
      safe: status === 429,
    };
  }

  /** Parses a 2xx body; a body that cannot be read counts as an unknown outcome. */
  private async parseOk<T>(
    request: AdoRequest,
    response: Response,
    retryAfterMs: number | undefined,
  ): Promise<AttemptResult<T>> {
    try {
      const data =
        request.responseType === "bytes"
          ? new Uint8Array(await response.arrayBuffer())
          : await readJson(response);
      return {
        kind: "ok",
        response: { status: response.status, data: data as T, headers: response.headers },
      };
    } catch (error) {
      const failure = networkFailure<T>(error);
      return failure.kind === "ok" ? failure : { ...failure, retryAfterMs };
    }
  }

  /** The fetch init: method, auth, content type, body. */
  private init(request: AdoRequest, signal: AbortSignal): RequestInit {
    const headers: Record<string, string> = {
      authorization: authorizationHeader(this.config.credential),
      accept: request.responseType === "bytes" ? "application/octet-stream" : "application/json",
      // Ask for a 401 instead of a redirect to the sign-in page (Azure DevOps honours this).
      "x-tfs-fedauthredirect": "Suppress",
    };
    const body = request.body;
    if (!body) return { method: request.method, headers, signal, redirect: "manual" };
    headers["content-type"] = contentTypeOf(body);
    const payload: BodyInit =
      body.kind === "binary"
        ? new Blob([body.bytes as Uint8Array<ArrayBuffer>])
        : JSON.stringify(body.kind === "json" ? body.value : body.operations);
    return { method: request.method, headers, body: payload, signal, redirect: "manual" };
  }
}
