/**
 * One HTTP exchange with a sync node: a timeout per attempt, JSON in and out, and every failure
 * turned into a `SyncError` with a code from src/shared/errors.ts:
 * - the node's `ErrorBody` keeps its own code, message, details and request id;
 * - no answer at all -> `SYNC_ERR_CLIENT_NETWORK`; no answer in time -> `SYNC_ERR_CLIENT_TIMEOUT`;
 * - an answer that is not the node's JSON -> `SYNC_ERR_CLIENT_BAD_RESPONSE`.
 */
import { type ErrorBody, isErrorCode, SyncError } from "../shared/errors";

/** What one attempt sends. `body` is serialized as JSON when present. */
export interface HttpRequest {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

/** A successful answer: status 2xx and the parsed JSON body (undefined for an empty body). */
export interface HttpResponse {
  status: number;
  body: unknown;
}

/** The `fetch` the client uses; injected so tests and the hub can supply their own. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Sends one request and reads its JSON answer.
 * @throws SyncError with the node's code for an `ErrorBody`, or a `SYNC_ERR_CLIENT_*` code
 */
export async function sendRequest(
  fetchImpl: FetchLike,
  request: HttpRequest,
): Promise<HttpResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetchImpl(request.url, toInit(request, controller.signal));
    const text = await response.text();
    if (!response.ok) throw toNodeError(response.status, text);
    return { status: response.status, body: parseJson(text, response.status) };
  } catch (error: unknown) {
    if (error instanceof SyncError) throw error;
    if (controller.signal.aborted) {
      throw new SyncError("SYNC_ERR_CLIENT_TIMEOUT", undefined, { timeoutMs: request.timeoutMs });
    }
    throw new SyncError("SYNC_ERR_CLIENT_NETWORK", undefined, { reason: describe(error) });
  } finally {
    clearTimeout(timer);
  }
}

function toInit(request: HttpRequest, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  return {
    method: request.method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal,
    // The node authenticates by headers only; never send the iframe origin's cookies.
    credentials: "omit",
  };
}

function parseJson(text: string, status: number): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SyncError("SYNC_ERR_CLIENT_BAD_RESPONSE", undefined, { status, reason: "not-json" });
  }
}

/** Builds the error for a non-2xx answer: the node's own code when the body is an ErrorBody. */
function toNodeError(status: number, text: string): SyncError {
  let body: Partial<ErrorBody> | undefined;
  try {
    body = JSON.parse(text) as Partial<ErrorBody>;
  } catch {
    body = undefined;
  }
  if (body && isErrorCode(body.code)) {
    const message = typeof body.message === "string" && body.message ? body.message : undefined;
    return new SyncError(body.code, message, body.details, body.requestId);
  }
  return new SyncError("SYNC_ERR_CLIENT_BAD_RESPONSE", undefined, { status });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
