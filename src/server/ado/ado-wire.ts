/**
 * Wire details of Azure DevOps requests: the request and credential types, the
 * `Authorization` header, content types, the identity service URL, and JSON reading.
 */
import type { JsonPatchOperation } from "./ado-types";

/** How the node authenticates: a PAT (Basic, empty user) or an OAuth/Entra access token. */
export type AdoCredential = { kind: "pat"; token: string } | { kind: "bearer"; token: string };

/** The subset of a pino logger the client uses. */
export interface AdoLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/**
 * A request body: JSON, JSON Patch (`application/json-patch+json`, Work Items - Update,
 * wit 7.1) or bytes.
 */
export type AdoRequestBody =
  | { kind: "json"; value: unknown }
  | { kind: "patch"; operations: JsonPatchOperation[] }
  | { kind: "binary"; bytes: Uint8Array };

/** Which api-version a request carries. */
export type AdoVersionKind = "standard" | "comments" | "none";

/** One request, relative to the organization URL. */
export interface AdoRequest {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** `Alpha/_apis/wit/workitems/1` (segments already encoded), or an absolute same-origin URL. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: AdoRequestBody;
  /** (Default: "standard".) */
  version?: AdoVersionKind;
  /** Safe to repeat after an unknown outcome. (Default: true for GET/PUT/DELETE, false otherwise.) */
  idempotent?: boolean;
  /** (Default: "json".) */
  responseType?: "json" | "bytes";
  signal?: AbortSignal;
}

/** A successful answer. */
export interface AdoResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/**
 * The identity service of an organization: Services serves identities from
 * `https://vssps.dev.azure.com/{org}` (or `https://{org}.vssps.visualstudio.com`); Azure
 * DevOps Server (and the emulator) from the collection URL itself.
 */
export function identityServiceUrl(organizationUrl: string): string {
  const url = new URL(organizationUrl);
  if (url.hostname.toLowerCase() === "dev.azure.com") {
    return `${url.protocol}//vssps.dev.azure.com${url.pathname}`.replace(/\/+$/, "");
  }
  const legacy = /^([^.]+)\.visualstudio\.com$/i.exec(url.hostname);
  if (legacy) return `${url.protocol}//${legacy[1]}.vssps.visualstudio.com`;
  return organizationUrl;
}

/** `Authorization` header value; Basic with an empty user name for a PAT (Azure DevOps docs). */
export function authorizationHeader(credential: AdoCredential): string {
  switch (credential.kind) {
    case "pat":
      return `Basic ${Buffer.from(`:${credential.token}`, "utf8").toString("base64")}`;
    case "bearer":
      return `Bearer ${credential.token}`;
    default:
      return assertNever(credential);
  }
}

/** `Content-Type` of a request body. */
export function contentTypeOf(body: AdoRequestBody): string {
  switch (body.kind) {
    case "json":
      return "application/json";
    case "patch":
      return "application/json-patch+json";
    case "binary":
      return "application/octet-stream";
    default:
      return assertNever(body);
  }
}

/** Reads a JSON body; an empty body (204) reads as undefined. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === "" ? undefined : JSON.parse(text);
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
