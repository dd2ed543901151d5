/**
 * Core projects: `GET /{org}/_apis/projects` (list, `$top`, `$skip`) and
 * `GET /{org}/_apis/projects/{projectId}` (by id or name) in the shapes of core/7.1.
 */
import type { FastifyInstance } from "fastify";

import { projectNotFound } from "./ado-errors";
import { type OrgSettings, queryParam, sendList } from "./context";
import type { ProjectRow } from "./store";

/** `TeamProjectReference` of the list. */
export function projectReference(project: ProjectRow, baseUrl: string) {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    url: `${baseUrl}/_apis/projects/${project.id}`,
    state: "wellFormed",
    revision: project.revision,
    visibility: "private",
    lastUpdateTime: project.lastUpdateTime,
  };
}

/** `TeamProject` of the get (adds links, default team and, on request, capabilities). */
function teamProject(project: ProjectRow, baseUrl: string, withCapabilities: boolean) {
  const teamId = project.id.replace(/^.{8}/, "7eam7eam");
  return {
    ...projectReference(project, baseUrl),
    ...(withCapabilities
      ? {
          capabilities: {
            versioncontrol: { sourceControlType: "Git", gitEnabled: "True", tfvcEnabled: "False" },
            processTemplate: {
              templateName: "Agile",
              templateTypeId: "adcc42ab-9882-485e-a3ed-7678f01f66bc",
            },
          },
        }
      : {}),
    _links: {
      self: { href: `${baseUrl}/_apis/projects/${project.id}` },
      collection: { href: `${baseUrl}/_apis/projectCollections/${project.id}` },
      web: { href: `${baseUrl}/${encodeURIComponent(project.name)}` },
    },
    defaultTeam: {
      id: teamId,
      name: `${project.name} Team`,
      url: `${baseUrl}/_apis/projects/${project.id}/teams/${teamId}`,
    },
  };
}

/** Registers the project routes. */
export function registerProjects(app: FastifyInstance, settings: OrgSettings) {
  const { store } = settings;
  app.get("/_apis/projects", { config: { scope: "vso.project" } }, async (request, reply) => {
    const skip = Number(queryParam(request, "$skip") ?? 0);
    const top = Number(queryParam(request, "$top") ?? 100);
    const all = store.projects().map((p) => projectReference(p, request.ado.baseUrl));
    return sendList(request, reply, all.slice(skip, skip + top));
  });

  app.get<{ Params: { projectId: string } }>(
    "/_apis/projects/:projectId",
    { config: { scope: "vso.project" } },
    async (request) => {
      const project = store.project(request.params.projectId);
      if (!project) throw projectNotFound(request.params.projectId);
      const withCapabilities = queryParam(request, "includeCapabilities") === "true";
      return teamProject(project, request.ado.baseUrl, withCapabilities);
    },
  );
}
