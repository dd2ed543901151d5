/**
 * Outgoing transport requests: JSON over HTTP(S) to the partner node, signed with a transport
 * token, through the proxy named by `HTTPS_PROXY` / `HTTP_PROXY` (`NO_PROXY` honoured) via
 * undici's `EnvHttpProxyAgent`.
 *
 * Failures become `SyncError`s:
 * - no answer (connection refused, DNS, timeout, proxy down) or a 5xx without a catalogued
 *   code (a proxy's 502/503): SYNC_ERR_TRANSPORT_PEER_UNREACHABLE (retryable);
 * - an error body with a catalogued code: that code (e.g. SYNC_ERR_INVITATION_USED,
 *   SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE), so callers and the hub see the partner's reason;
 * - anything else: SYNC_ERR_TRANSPORT_PEER_REJECTED.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from "undici";

import { isErrorCode, SyncError } from "../../shared/errors";
import type { HttpFetch } from "./transport-context";
import { signTransportToken } from "./transport-token";

/** Proxy variables `EnvHttpProxyAgent` reads (either case). */
const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

let proxyAgent: EnvHttpProxyAgent | undefined;

/**
 * `fetch` through the environment's proxy settings (the transport's default HTTP client).
 * Without a proxy variable it is Node's own `fetch`; the proxy agent (still experimental in
 * undici 6, which warns when one is made) is made on the first request that needs it and
 * reads the variables then.
 */
export const proxyAwareFetch: HttpFetch = (url, init) => {
  if (!PROXY_VARIABLES.some((name) => process.env[name])) return fetch(url, init);
  proxyAgent ??= new EnvHttpProxyAgent();
  return undiciFetch(url, {
    ...(init as Parameters<typeof undiciFetch>[1]),
    dispatcher: proxyAgent,
  }) as unknown as Promise<Response>;
};

/** How a request is signed: with a connection secret, or a ready bearer token. */
export type TransportSigning =
  { connectionId: string; nodeId: string; secret: Uint8Array; now: number } | { bearer: string };

/** One request to the partner node. */
export interface PeerRequest {
  /** The partner node's base URL (no trailing slash). */
  baseUrl: string;
  method: "GET" | "POST";
  /** Path and query under the base URL, starting with `/transport/v1`. */
  pathAndQuery: string;
  /** JSON body (POST). */
  body?: unknown;
  signing: TransportSigning | null;
  timeoutMs: number;
  /** Aborts the request (shutdown). */
  signal: AbortSignal;
}

async function authorization(request: PeerRequest, body: Uint8Array): Promise<string | null> {
  const { signing } = request;
  if (signing === null) return null;
  if ("bearer" in signing) return `Bearer ${signing.bearer}`;
  const token = await signTransportToken(
    {
      connectionId: signing.connectionId,
      method: request.method,
      pathAndQuery: request.pathAndQuery,
      body,
    },
    signing.nodeId,
    signing.secret,
    signing.now,
  );
  return `Bearer ${token}`;
}

/**
 * Sends `request` and returns the parsed JSON answer.
 * @throws SyncError as described in the module comment; the abort reason when `signal` aborts
 */
export async function callPeer<T>(fetchFn: HttpFetch, request: PeerRequest): Promise<T> {
  const body =
    request.body === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(request.body));
  const headers: Record<string, string> = { accept: "application/json" };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const auth = await authorization(request, body);
  if (auth !== null) headers.authorization = auth;
  let response: Response;
  try {
    response = await fetchFn(request.baseUrl + request.pathAndQuery, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : body,
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]),
    });
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason;
    throw new SyncError("SYNC_ERR_TRANSPORT_PEER_UNREACHABLE", undefined, {
      cause: (error as Error).message,
    });
  }
  return readAnswer<T>(response);
}

async function readAnswer<T>(response: Response): Promise<T> {
  const text = await response.text().catch(() => "");
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (response.ok) {
    if (parsed === undefined) throw new SyncError("SYNC_ERR_TRANSPORT_PEER_REJECTED");
    return parsed as T;
  }
  const code = (parsed as { code?: unknown } | undefined)?.code;
  if (isErrorCode(code)) {
    const message = (parsed as { message?: unknown }).message;
    throw new SyncError(code, typeof message === "string" ? message : undefined, {
      peerStatus: response.status,
    });
  }
  throw new SyncError(
    response.status >= 500
      ? "SYNC_ERR_TRANSPORT_PEER_UNREACHABLE"
      : "SYNC_ERR_TRANSPORT_PEER_REJECTED",
    undefined,
    { peerStatus: response.status },
  );
}
