/**
 * This organization's projects, read from Azure DevOps with an api-version the host supports.
 * We call `GET {organization}/_apis/projects` ourselves instead of azure-devops-extension-api's
 * CoreRestClient, which sends `7.2-preview` and fails on Azure DevOps Server
 * (microsoft/vsts-extension-retrospectives#915).
 *
 * api-version per product (learn.microsoft.com/azure/devops/integrate/concepts/rest-api-versioning):
 * Services 7.1; Server 2022 (19.x) 7.0; Server 2020 (18.x) 6.0; Server 2019 (17.x) 5.0.
 */
import * as SDK from "azure-devops-extension-sdk";

import type { ProjectRef } from "../../shared/contracts";
import { SyncError } from "../../shared/errors";
import type { HostContext } from "./host";
import { getOrganizationUrl } from "./location";

/**
 * Projects per page: the service's maximum page is larger, but 500 keeps one answer small
 * while covering nearly every organization in one request.
 */
const PAGE_SIZE = 500;
/** Pages followed through `x-ms-continuationtoken` before stopping (10 x 500 projects). */
const MAX_PAGES = 10;
/** Wait per page, in milliseconds; Azure DevOps answers this list in well under a second. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The REST api-version this host supports for the Core area. */
export function coreApiVersion(host: Pick<HostContext, "isHosted" | "serviceVersion">): string {
  if (host.isHosted) return "7.1";
  const version = host.serviceVersion;
  const year = /20(19|20|22)/.exec(version)?.[0];
  const major = Number(/(\d+)\.\d+/.exec(version)?.[1] ?? NaN);
  if (year === "2019" || major === 17) return "5.0";
  if (year === "2020" || major === 18) return "6.0";
  // Server 2022 (19.x) and anything newer accept 7.0; unknown versions get the 2020 level.
  if (year === "2022" || major >= 19) return "7.0";
  return "6.0";
}

/**
 * Every well-formed project of this organization, sorted by name.
 * @throws SyncError `SYNC_ERR_ADO_UNREACHABLE` (no answer) or `SYNC_ERR_ADO_REJECTED` (non-2xx)
 */
export async function listProjects(host: HostContext): Promise<ProjectRef[]> {
  const base = await getOrganizationUrl();
  const apiVersion = coreApiVersion(host);
  const projects: ProjectRef[] = [];
  let continuation: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ "api-version": apiVersion, $top: String(PAGE_SIZE) });
    if (continuation) query.set("continuationToken", continuation);
    const answer = await getProjectsPage(`${base}_apis/projects?${query.toString()}`);
    projects.push(...answer.projects);
    continuation = answer.continuation;
    if (!continuation) break;
  }
  return projects.sort((a, b) => a.name.localeCompare(b.name));
}

const UNREACHABLE_TEXT = "Azure DevOps did not answer while listing projects. Try again.";
const REJECTED_TEXT = "Azure DevOps refused to list this organization's projects.";

async function getProjectsPage(url: string) {
  const token = await SDK.getAccessToken();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      signal: controller.signal,
    });
  } catch (error: unknown) {
    throw new SyncError("SYNC_ERR_ADO_UNREACHABLE", UNREACHABLE_TEXT, { reason: String(error) });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    throw new SyncError("SYNC_ERR_ADO_REJECTED", REJECTED_TEXT, { status: response.status });
  }
  const body = (await response.json().catch(() => null)) as { value?: unknown } | null;
  if (!body || !Array.isArray(body.value)) {
    throw new SyncError("SYNC_ERR_ADO_REJECTED", REJECTED_TEXT, { reason: "not a project list" });
  }
  const projects = body.value
    .filter((p): p is ProjectRef => typeof p?.id === "string" && typeof p?.name === "string")
    .map((p) => ({ id: p.id, name: p.name }));
  return { projects, continuation: response.headers.get("x-ms-continuationtoken") };
}
