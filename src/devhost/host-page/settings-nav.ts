/**
 * The left navigation of Organization settings as Azure DevOps draws it: groups of settings
 * pages, with contributed hubs of `ms.vss-web.collection-admin-hub-group` in an "Extensions"
 * group at the end. Only "Overview" and "Exalate" are real pages in the dev host.
 */

/** One entry: the URL segment after `_settings/` and its label. */
export interface SettingsPage {
  id: string;
  label: string;
}

/** The id of the Exalate hub page (`<publisher>.<extension>.<contribution>`). */
export const EXALATE_PAGE_ID = "idalko-tools.exalate.adnode";

/** Navigation groups, in Azure DevOps' order. */
export const SETTINGS_NAV: ReadonlyArray<{ group: string; pages: SettingsPage[] }> = [
  {
    group: "General",
    pages: [
      { id: "organizationOverview", label: "Overview" },
      { id: "projects", label: "Projects" },
      { id: "users", label: "Users" },
      { id: "billing", label: "Billing" },
      { id: "audit", label: "Auditing" },
      { id: "notifications", label: "Global notifications" },
      { id: "usage", label: "Usage" },
      { id: "extensions", label: "Extensions" },
      { id: "organizationAad", label: "Microsoft Entra" },
    ],
  },
  {
    group: "Security",
    pages: [
      { id: "organizationPolicy", label: "Policies" },
      { id: "groups", label: "Permissions" },
    ],
  },
  { group: "Boards", pages: [{ id: "process", label: "Process" }] },
  {
    group: "Pipelines",
    pages: [
      { id: "agentqueues", label: "Agent pools" },
      { id: "pipelinessettings", label: "Settings" },
    ],
  },
  { group: "Repos", pages: [{ id: "repositories", label: "Repositories" }] },
  { group: "Artifacts", pages: [{ id: "storage", label: "Storage" }] },
  { group: "Extensions", pages: [{ id: EXALATE_PAGE_ID, label: "Exalate" }] },
];

/** Finds a page by id. */
export function findSettingsPage(id: string): SettingsPage | undefined {
  for (const { pages } of SETTINGS_NAV) {
    const page = pages.find((p) => p.id === id);
    if (page) return page;
  }
  return undefined;
}
