/**
 * Finds out which Azure DevOps product serves the organization URL, with one cheap request:
 * `GET _apis/projects?$top=1&api-version=7.1`. Services answers 200. Azure DevOps Server 2022
 * and 2020 answer 400 `VssVersionOutOfRangeException` "The requested REST API version of 7.1 is
 * out of range for this server. The latest REST API version this server supports is 7.0."
 */
import { isSyncError } from "../../shared/errors";
import { type AdoProduct, productFromOutOfRange } from "./ado-api-version";
import { adoInfoOf } from "./ado-error-map";
import type { AdoHttp } from "./ado-http";

/**
 * Probes the product. Rejects with the request's `SyncError` when the answer says nothing
 * about versions (for example 401: the credential is wrong), so nothing wrong is remembered.
 */
export async function detectProduct(http: AdoHttp): Promise<AdoProduct> {
  try {
    await http.send({
      method: "GET",
      path: "_apis/projects",
      query: { $top: 1, "api-version": "7.1" },
      version: "none",
    });
    return "services";
  } catch (error) {
    if (!isSyncError(error)) throw error;
    const info = adoInfoOf(error);
    const product = info.status === 400 ? productFromOutOfRange(info.adoMessage ?? "") : undefined;
    if (product) return product;
    throw error;
  }
}
