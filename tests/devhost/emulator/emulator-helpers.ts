/**
 * Helpers for the emulator tests: start an emulator on loopback and call it over real HTTP
 * the way a client of Azure DevOps does.
 */
import {
  type Emulator,
  type EmulatorOptions,
  startEmulator,
} from "../../../src/devhost/emulator/emulator";

/** One HTTP answer. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Request options: credential, body, content type, api-version (default 7.1; null = none). */
export interface CallOptions {
  token?: string;
  pat?: string;
  body?: unknown;
  raw?: BodyInit | Buffer;
  contentType?: string;
  apiVersion?: string | null;
  accept?: string;
  origin?: string;
}

/** Calls `path` (relative to the organization URL, e.g. `/_apis/projects`). */
export async function call(
  emulator: Emulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const url = new URL(`${emulator.url}${path}`);
  const version = options.apiVersion === undefined ? "7.1" : options.apiVersion;
  if (version !== null && !url.searchParams.has("api-version"))
    url.searchParams.set("api-version", version);
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.pat)
    headers.authorization = `Basic ${Buffer.from(`:${options.pat}`).toString("base64")}`;
  if (options.accept) headers.accept = options.accept;
  if (options.origin) headers.origin = options.origin;
  let body: BodyInit | undefined = options.raw as BodyInit | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] = options.contentType ?? "application/json";
  } else if (options.raw !== undefined) {
    headers["content-type"] = options.contentType ?? "application/octet-stream";
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // binary or text bodies stay as text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A JSON Patch call (the content type the service demands). */
export function patch(
  emulator: Emulator,
  method: string,
  path: string,
  ops: unknown,
  token: string,
  extra: CallOptions = {},
) {
  return call(emulator, method, path, {
    ...extra,
    token,
    body: ops,
    contentType: "application/json-patch+json",
  });
}

/** Starts an emulator for a test file; the organization name is unique per call. */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}) {
  const emulator = await startEmulator({
    organization: options.organization ?? "contoso",
    ...options,
  });
  const token = await emulator.issueAccessToken(emulator.users.ada);
  return { emulator, token };
}

/** Creates a work item and returns its body. */
export async function createItem(
  emulator: Emulator,
  token: string,
  fields: Record<string, unknown>,
  type = "Bug",
  project = "Alpha",
) {
  const ops = Object.entries(fields).map(([ref, value]) => ({
    op: "add",
    path: `/fields/${ref}`,
    value,
  }));
  const answer = await patch(
    emulator,
    "POST",
    `/${project}/_apis/wit/workitems/$${type}`,
    ops,
    token,
  );
  if (answer.status !== 200)
    throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
