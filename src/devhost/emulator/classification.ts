/**
 * Area and iteration nodes: `GET /{org}/{project}/_apis/wit/classificationnodes` (roots, or
 * `ids=`), `GET .../classificationnodes/{areas|iterations}[/{path}]?$depth=N`, and
 * `POST .../classificationnodes/{areas|iterations}[/{path}]` to add a child. Work item paths
 * look like `Alpha\Web`; node paths like `\Alpha\Area\Web` (wit/7.1 examples).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { invalidArgument, nodeNotFound, projectNotFound } from "./ado-errors";
import { type OrgSettings, queryParam, sendList } from "./context";
import type { EmulatorStore, ProjectRow } from "./store";
import { stableUuid } from "./store";

/** Structure of a node: area or iteration. */
export type Structure = "area" | "iteration";

/** A node with its work item path. */
export interface NodeRow {
  id: number;
  identifier: string;
  parentId: number | null;
  name: string;
  structure: Structure;
  attributes: Record<string, unknown> | null;
  /** Work item path, e.g. `Alpha\Web`. */
  path: string;
}

type Row = Record<string, unknown>;

/** Every node of one structure of a project, each with its work item path. */
export function loadNodes(
  store: EmulatorStore,
  projectId: string,
  structure: Structure,
): NodeRow[] {
  const rows = store.db
    .prepare("SELECT * FROM nodes WHERE project_id = ? AND structure = ? ORDER BY id")
    .all(projectId, structure) as Row[];
  const byId = new Map<number, NodeRow>();
  for (const r of rows) {
    const parent = r.parent_id === null ? undefined : byId.get(r.parent_id as number);
    byId.set(r.id as number, {
      id: r.id as number,
      identifier: r.identifier as string,
      parentId: (r.parent_id as number | null) ?? null,
      name: r.name as string,
      structure,
      attributes: r.attributes
        ? (JSON.parse(r.attributes as string) as Record<string, unknown>)
        : null,
      path: parent ? `${parent.path}\\${r.name as string}` : (r.name as string),
    });
  }
  return [...byId.values()];
}

/** The node with a work item path (case-insensitive), or undefined. */
export function findNode(
  store: EmulatorStore,
  projectId: string,
  structure: Structure,
  path: string,
) {
  const key = path.replace(/^\\+|\\+$/g, "").toLowerCase();
  return loadNodes(store, projectId, structure).find((n) => n.path.toLowerCase() === key);
}

const GROUP: Record<string, Structure> = { areas: "area", iterations: "iteration" };

function nodeShape(
  node: NodeRow,
  all: NodeRow[],
  project: ProjectRow,
  baseUrl: string,
  depth: number,
): Record<string, unknown> {
  const children = all.filter((n) => n.parentId === node.id);
  const [, ...rest] = node.path.split("\\");
  const label = node.structure === "area" ? "Area" : "Iteration";
  const groupUrl = `${baseUrl}/${project.id}/_apis/wit/classificationNodes/${label === "Area" ? "Areas" : "Iterations"}`;
  const url = [groupUrl, ...rest.map(encodeURIComponent)].join("/");
  const parentUrl =
    rest.length > 0
      ? [groupUrl, ...rest.slice(0, -1).map(encodeURIComponent)].join("/")
      : undefined;
  return {
    id: node.id,
    identifier: node.identifier,
    name: node.name,
    structureType: node.structure,
    hasChildren: children.length > 0,
    ...(depth > 0 && children.length > 0
      ? { children: children.map((c) => nodeShape(c, all, project, baseUrl, depth - 1)) }
      : {}),
    path: `\\${project.name}\\${label}${rest.map((p) => `\\${p}`).join("")}`,
    ...(node.attributes ? { attributes: node.attributes } : {}),
    _links: { self: { href: url }, ...(parentUrl ? { parent: { href: parentUrl } } : {}) },
    url,
  };
}

type NodeParams = { project: string; group: string; "*"?: string };

function resolve(settings: OrgSettings, request: FastifyRequest<{ Params: NodeParams }>) {
  const project = settings.store.project(request.params.project);
  if (!project) throw projectNotFound(request.params.project);
  const structure = GROUP[request.params.group.toLowerCase()];
  if (!structure)
    throw invalidArgument(`The structure group '${request.params.group}' is not valid.`);
  const relative = decodeURIComponent(request.params["*"] ?? "").replace(/\//g, "\\");
  const path = relative ? `${project.name}\\${relative}` : project.name;
  return { project, structure, path, all: loadNodes(settings.store, project.id, structure) };
}

type NodeBody = { name?: string; attributes?: Record<string, unknown> };

/** `GET /{project}/_apis/wit/classificationnodes` (roots, or `ids=` with null for unknown). */
async function listNodes(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: { project: string } }>,
  reply: FastifyReply,
) {
  const project = settings.store.project(request.params.project);
  if (!project) throw projectNotFound(request.params.project);
  const depth = Number(queryParam(request, "$depth") ?? 0);
  const nodes = [
    ...loadNodes(settings.store, project.id, "area"),
    ...loadNodes(settings.store, project.id, "iteration"),
  ];
  const ids = queryParam(request, "ids")?.split(",").map(Number);
  const chosen = ids
    ? ids.map((id) => nodes.find((n) => n.id === id))
    : nodes.filter((n) => n.parentId === null);
  const base = request.ado.baseUrl;
  return sendList(
    request,
    reply,
    chosen.map((n) => (n ? nodeShape(n, nodes, project, base, depth) : null)),
  );
}

/** `GET .../classificationnodes/{group}[/{path}]?$depth=`. */
async function getNode(settings: OrgSettings, request: FastifyRequest<{ Params: NodeParams }>) {
  const { project, path, all } = resolve(settings, request);
  const node = all.find((n) => n.path.toLowerCase() === path.toLowerCase());
  if (!node) throw nodeNotFound(path);
  const depth = Number(queryParam(request, "$depth") ?? 0);
  return nodeShape(node, all, project, request.ado.baseUrl, depth);
}

/** `POST .../classificationnodes/{group}[/{path}]` `{name, attributes?}`: adds a child. */
async function createNode(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: NodeParams; Body: NodeBody }>,
  reply: FastifyReply,
) {
  const { project, structure, path, all } = resolve(settings, request);
  const parent = all.find((n) => n.path.toLowerCase() === path.toLowerCase());
  if (!parent) throw nodeNotFound(path);
  const name = request.body?.name?.trim();
  if (!name) throw invalidArgument("The node name is required.");
  const attributes = request.body?.attributes ? JSON.stringify(request.body.attributes) : null;
  const identifier = stableUuid(`${project.id}/${structure}/${parent.path}\\${name}`);
  settings.store.db
    .prepare(
      "INSERT INTO nodes (identifier, project_id, structure, parent_id, name, attributes) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .run(identifier, project.id, structure, parent.id, name, attributes);
  const nodes = loadNodes(settings.store, project.id, structure);
  const node = nodes.find((n) => n.path === `${parent.path}\\${name}`);
  return reply
    .code(201)
    .send(node ? nodeShape(node, nodes, project, request.ado.baseUrl, 0) : null);
}

/** Registers the classification node routes. */
export function registerClassification(app: FastifyInstance, settings: OrgSettings) {
  const base = "/:project/_apis/wit/classificationnodes";
  const read = { config: { scope: "vso.work" as const } };
  const write = { config: { scope: "vso.work_write" as const } };
  app.get<{ Params: { project: string } }>(base, read, (request, reply) =>
    listNodes(settings, request, reply),
  );
  for (const path of [`${base}/:group`, `${base}/:group/*`]) {
    app.get<{ Params: NodeParams }>(path, read, (request) => getNode(settings, request));
    app.post<{ Params: NodeParams; Body: NodeBody }>(path, write, (request, reply) =>
      createNode(settings, request, reply),
    );
  }
}
