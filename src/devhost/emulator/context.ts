/**
 * Per-request context of the emulator's organization routes (set by the hooks in
 * `org-hooks.ts`) and the route options the hooks read.
 */
import type { FastifyReply, FastifyRequest } from "fastify";

import type { ApiVersion, Product } from "./api-version";
import type { Caller, Scope } from "./auth";
import type { FaultTable } from "./faults";
import type { EmulatorStore } from "./store";

/** Settings shared by every route of one emulated organization. */
export interface OrgSettings {
  organization: string;
  product: Product;
  store: EmulatorStore;
  faults: FaultTable;
  /** Maximum attachment upload size in bytes (VS403313 above it). */
  attachmentMaxBytes: number;
  /** Maximum attachments per work item (TF237082 above it). */
  attachmentsPerWorkItem: number;
  /** Organization id (`instanceId` of connectionData). */
  instanceId: string;
}

/** What the hooks attach to each organization request. */
export interface AdoContext {
  caller: Caller;
  apiVersion: ApiVersion | undefined;
  noArrayWrap: boolean;
  /** `http://host:port/<organization>` as the client addressed it. */
  baseUrl: string;
}

declare module "fastify" {
  interface FastifyRequest {
    ado: AdoContext;
  }
  interface FastifyContextConfig {
    /** Scope a PAT needs for this route. */
    scope?: Scope;
    /** The resource is in preview: the api-version must end in `-preview`. */
    preview?: boolean;
    /** The service answers without an api-version here (connectionData). */
    versionOptional?: boolean;
  }
}

/** Sends a list as `{count, value}`, or as a bare array when the Accept header asks for it. */
export function sendList(request: FastifyRequest, reply: FastifyReply, items: unknown[]) {
  return reply.send(request.ado.noArrayWrap ? items : { count: items.length, value: items });
}

/** Reads a query parameter that may repeat; the last value wins. */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const query = request.query as Record<string, string | string[] | undefined>;
  const value = query[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}
