/**
 * `api-version` handling as the service does it: the version is required on every call, in
 * the query string (`?api-version=7.1`) or the Accept header
 * (`application/json;api-version=7.1-preview.3`); each product serves a range of versions
 * (learn.microsoft.com "REST API versioning": Services up to 7.2, Server 2022 up to 7.0), and
 * preview resources demand the `-preview` suffix.
 */
import {
  previewRequired,
  versionInvalid,
  versionNotSpecified,
  versionOutOfRange,
} from "./ado-errors";

/** The emulated product. */
export const PRODUCTS = ["services", "server2022"] as const;
export type Product = (typeof PRODUCTS)[number];

/** Highest api-version per product, as [major, minor]. */
const LATEST: Record<Product, [number, number]> = {
  services: [7, 2],
  server2022: [7, 0],
};

/** A parsed api-version. */
export interface ApiVersion {
  raw: string;
  major: number;
  minor: number;
  preview: boolean;
}

const VERSION = /^(\d+)\.(\d+)(-preview(\.\d+)?)?$/i;

/**
 * Options the Accept header carries besides the version. azure-devops-extension-api clients
 * send `excludeUrls`, `enumsAsNumbers`, `msDateFormat` and `noArrayWrap`
 * (microsoft/azure-devops-extension-api `src/Common/RestClientBase.ts`, `_issueRequest`).
 */
export interface AcceptOptions {
  /** `noArrayWrap=true`: list endpoints answer a bare JSON array. */
  noArrayWrap: boolean;
}

/** Reads `name=value` parameters of the Accept header (case-insensitive names). */
function acceptParam(accept: string | undefined, name: string): string | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(/[;,]/)) {
    const [key, value] = part.split("=");
    if (key?.trim().toLowerCase() === name && value !== undefined) return value.trim();
  }
  return undefined;
}

/** The Accept header options of a request. */
export function acceptOptions(accept: string | undefined): AcceptOptions {
  return { noArrayWrap: acceptParam(accept, "noarraywrap")?.toLowerCase() === "true" };
}

/**
 * The api-version of a request, checked against the product's range.
 * @throws AdoError VssVersionNotSpecifiedException (400) when absent and not `optional`;
 *   VssInvalidApiVersionException for a malformed value; VssVersionOutOfRangeException above
 *   the product's latest; VssInvalidPreviewVersionException when `preview` is required.
 */
export function checkApiVersion(input: {
  method: string;
  query: string | undefined;
  accept: string | undefined;
  product: Product;
  preview?: boolean;
  optional?: boolean;
}): ApiVersion | undefined {
  const raw = input.query ?? acceptParam(input.accept, "api-version");
  if (!raw) {
    if (input.optional) return undefined;
    throw versionNotSpecified(input.method);
  }
  const match = VERSION.exec(raw.trim());
  if (!match) throw versionInvalid(raw);
  const version: ApiVersion = {
    raw,
    major: Number(match[1]),
    minor: Number(match[2]),
    preview: match[3] !== undefined,
  };
  const [maxMajor, maxMinor] = LATEST[input.product];
  if (version.major > maxMajor || (version.major === maxMajor && version.minor > maxMinor)) {
    throw versionOutOfRange(`${version.major}.${version.minor}`, `${maxMajor}.${maxMinor}`);
  }
  if (input.preview && !version.preview) {
    throw previewRequired(`${version.major}.${version.minor}`);
  }
  return version;
}
