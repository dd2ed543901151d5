/**
 * Which REST `api-version` to send to which Azure DevOps product.
 *
 * Source: "REST API versions" in the Azure DevOps REST docs: Services serves 7.1 (and 7.2
 * previews), Azure DevOps Server 2022 serves up to 7.0, Server 2020 up to 6.0. The work item
 * comments resource is still a preview: 7.1-preview.4 on Services (the first revision with a
 * `format` of markdown/html), 7.0-preview.3 on Server 2022 and 6.0-preview.3 on Server 2020
 * (HTML only). A server that is asked for a version it does not serve answers 400 with
 * `VssVersionOutOfRangeException` ("... The latest REST API version this server supports is
 * 7.0."), which `productFromOutOfRange` reads.
 */

/** The Azure DevOps products the node can talk to. */
export const ADO_PRODUCTS = ["services", "server2022", "server2020"] as const;
export type AdoProduct = (typeof ADO_PRODUCTS)[number];

/** The api-version strings for one product. */
export interface AdoApiVersions {
  /** Released version for every non-preview resource (core and wit). */
  readonly standard: string;
  /** Version of the work item comments resource (a preview on every product). */
  readonly comments: string;
  /** True when comments accept and report `format=markdown`. */
  readonly markdownComments: boolean;
}

/** Product -> api-versions (see the module comment for the sources). */
export const API_VERSIONS: Readonly<Record<AdoProduct, AdoApiVersions>> = {
  services: { standard: "7.1", comments: "7.1-preview.4", markdownComments: true },
  server2022: { standard: "7.0", comments: "7.0-preview.3", markdownComments: false },
  server2020: { standard: "6.0", comments: "6.0-preview.3", markdownComments: false },
};

/** True when `value` names a known product (for configuration parsing). */
export function isAdoProduct(value: unknown): value is AdoProduct {
  return typeof value === "string" && (ADO_PRODUCTS as readonly string[]).includes(value);
}

/**
 * Maps the "latest REST API version this server supports is X.Y" sentence of a
 * `VssVersionOutOfRangeException` to the newest product that serves X.Y, or undefined when the
 * message has no such sentence.
 */
export function productFromOutOfRange(message: string): AdoProduct | undefined {
  const match = /supports is (\d+)\.(\d+)/i.exec(message);
  if (!match) return undefined;
  const version = Number(match[1]) + Number(match[2]) / 10;
  if (version >= 7.1) return "services";
  if (version >= 7.0) return "server2022";
  return "server2020";
}
