/**
 * Route helpers shared by the resource files: the params of work item routes, the scope
 * options, and registration of one handler at organization level and under `/{project}`
 * (the service serves most wit routes at both).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";

/** Path params of the work item routes. */
export type ItemParams = { project?: string; id: string; type: string; rev?: string };

/** A handler of a work item route. */
export type ItemHandler = (
  request: FastifyRequest<{ Params: ItemParams }>,
  reply: FastifyReply,
) => Promise<unknown>;

/** Route options: read work items (PAT scope vso.work). */
export const READ_WORK = { config: { scope: "vso.work" } } as const satisfies RouteShorthandOptions;
/** Route options: write work items (PAT scope vso.work_write). */
export const WRITE_WORK = {
  config: { scope: "vso.work_write" },
} as const satisfies RouteShorthandOptions;

/** Registers `path` at organization level and under `/{project}`. */
export function orgAndProject(
  app: FastifyInstance,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  opts: RouteShorthandOptions,
  handler: ItemHandler,
) {
  app.route<{ Params: ItemParams }>({ method, url: path, ...opts, handler });
  app.route<{ Params: ItemParams }>({ method, url: `/:project${path}`, ...opts, handler });
}
