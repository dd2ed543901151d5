/**
 * Trigger use cases: list, create, update, activate/deactivate, delete. Every save checks the
 * clause's structure (`clauseProblem`: it must stay inside its parentheses), then runs the
 * trigger's query against Azure DevOps with the node's PAT; a clause the service refuses
 * is rejected with SYNC_ERR_TRIGGER_INVALID carrying the service's message, and nothing is
 * stored. A trigger that becomes active starts detecting changes from a little before now
 * (`INITIAL_LOOKBACK_MS`); older matches are sent by a bulk sync.
 */
import { randomUUID } from "node:crypto";

import type { Trigger, TriggerInput } from "../../shared/contracts/trigger";
import { isSyncError, SyncError } from "../../shared/errors";
import { adoInfoOf } from "../ado/ado-error-map";
import type { AdoHttp } from "../ado/ado-http";
import { listProjects, listWorkItemTypes } from "../ado/project-api";
import { queryWiql } from "../ado/wiql-api";
import { requireConnection } from "../connections/connection-service";
import type { Store } from "../storage/store";
import { requireSoundClause } from "./trigger-clause";
import { triggerQuery } from "./trigger-query";
import {
  deleteTrigger,
  findTrigger,
  insertTrigger,
  listTriggers,
  type TriggerRow,
  updateTrigger,
} from "./trigger-repository";

/**
 * How far before activation change detection starts, in ms. (60000: covers the clock
 * difference between this node and Azure DevOps, whose `System.ChangedDate` the watermark
 * compares with; at worst a change from the minute before activation is sent too.)
 */
export const INITIAL_LOOKBACK_MS = 60_000;

/** The hub's view of a trigger row. */
export function toTrigger(row: TriggerRow): Trigger {
  return {
    id: row.id,
    connectionId: row.connection_id,
    workItemType: row.work_item_type,
    where: row.where_clause,
    active: row.active === 1,
    watermark: row.watermark,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** What trigger use cases need: storage, a clock, and Azure DevOps for checks and queries. */
export interface TriggerContext {
  readonly store: Store;
  /** Clock in epoch ms. */
  readonly now: () => number;
  readonly ado: { client(): Promise<AdoHttp> };
}

/** Trigger use cases; every method throws `SyncError` for a rejected request. */
export class TriggerService {
  constructor(private readonly context: TriggerContext) {}

  /** @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND */
  async list(connectionId: string): Promise<Trigger[]> {
    await requireConnection(this.context.store.db, connectionId);
    return (await listTriggers(this.context.store.db, connectionId)).map(toTrigger);
  }

  /** @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND, SYNC_ERR_TRIGGER_INVALID, SYNC_ERR_CREDENTIAL_MISSING */
  async create(connectionId: string, input: TriggerInput): Promise<Trigger> {
    await requireConnection(this.context.store.db, connectionId);
    const clean = { work_item_type: input.workItemType.trim(), where_clause: input.where.trim() };
    await this.validate(clean);
    const now = this.context.now();
    const active = input.active ?? true;
    const row: TriggerRow = {
      id: randomUUID(),
      connection_id: connectionId,
      ...clean,
      active: active ? 1 : 0,
      watermark: active ? this.startWatermark() : null,
      watermark_id: null,
      created_at: now,
      updated_at: now,
    };
    await insertTrigger(this.context.store.db, row);
    return toTrigger(row);
  }

  /** @throws SyncError SYNC_ERR_TRIGGER_NOT_FOUND, SYNC_ERR_TRIGGER_INVALID */
  async update(connectionId: string, id: string, input: TriggerInput): Promise<Trigger> {
    const existing = await this.require(connectionId, id);
    const clean = { work_item_type: input.workItemType.trim(), where_clause: input.where.trim() };
    await this.validate(clean);
    const active = input.active ?? existing.active === 1;
    return this.save(connectionId, id, { ...clean, ...this.activation(existing, active) });
  }

  /** Activates or deactivates a trigger. @throws SyncError SYNC_ERR_TRIGGER_NOT_FOUND */
  async setActive(connectionId: string, id: string, active: boolean): Promise<Trigger> {
    const existing = await this.require(connectionId, id);
    return this.save(connectionId, id, this.activation(existing, active));
  }

  /** @throws SyncError SYNC_ERR_TRIGGER_NOT_FOUND */
  async remove(connectionId: string, id: string): Promise<void> {
    await requireConnection(this.context.store.db, connectionId);
    if (!(await deleteTrigger(this.context.store.db, connectionId, id))) {
      throw new SyncError("SYNC_ERR_TRIGGER_NOT_FOUND");
    }
  }

  /** The trigger row. @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND, SYNC_ERR_TRIGGER_NOT_FOUND */
  async require(connectionId: string, id: string): Promise<TriggerRow> {
    await requireConnection(this.context.store.db, connectionId);
    const row = await findTrigger(this.context.store.db, connectionId, id);
    if (!row) throw new SyncError("SYNC_ERR_TRIGGER_NOT_FOUND");
    return row;
  }

  /**
   * Runs the trigger's query (at most one id) with the node's PAT; a 400 from Azure DevOps
   * (TF51005 unknown field, TF51006 syntax...) becomes SYNC_ERR_TRIGGER_INVALID.
   */
  async validate(trigger: Pick<TriggerRow, "work_item_type" | "where_clause">): Promise<void> {
    requireSoundClause(trigger.where_clause);
    const http = await this.context.ado.client();
    await requireWorkItemType(http, trigger.work_item_type);
    try {
      await queryWiql(http, triggerQuery(trigger), { top: 1 });
    } catch (error) {
      if (!isSyncError(error) || error.code !== "SYNC_ERR_ADO_REJECTED") throw error;
      const info = adoInfoOf(error);
      if (info.status !== 400) throw error;
      throw new SyncError(
        "SYNC_ERR_TRIGGER_INVALID",
        `Azure DevOps rejected the trigger: ${info.adoMessage ?? "invalid WIQL"}`,
        { adoCode: info.adoCode, adoMessage: info.adoMessage },
      );
    }
  }

  private activation(existing: TriggerRow, active: boolean) {
    const starting = active && existing.active !== 1;
    return {
      active: active ? 1 : 0,
      watermark: starting ? this.startWatermark() : existing.watermark,
      watermark_id: starting ? null : existing.watermark_id,
    };
  }

  private startWatermark(): string {
    return new Date(this.context.now() - INITIAL_LOOKBACK_MS).toISOString();
  }

  private async save(
    connectionId: string,
    id: string,
    changes: Parameters<typeof updateTrigger>[3] extends infer C ? Omit<C, "updated_at"> : never,
  ): Promise<Trigger> {
    const row = await updateTrigger(this.context.store.db, connectionId, id, {
      ...changes,
      updated_at: this.context.now(),
    });
    if (!row) throw new SyncError("SYNC_ERR_TRIGGER_NOT_FOUND");
    return toTrigger(row);
  }
}

/**
 * Refuses a work item type no project of the organization has (WIQL would accept it and match
 * nothing, forever). Names compare without case, as Azure DevOps does. Stops at the first
 * project that has it.
 * @throws SyncError SYNC_ERR_TRIGGER_INVALID naming the types the first project has
 */
async function requireWorkItemType(http: AdoHttp, type: string): Promise<void> {
  const wanted = type.toLowerCase();
  let known: string[] = [];
  for (const project of await listProjects(http)) {
    const names = (await listWorkItemTypes(http, project.name)).map((t) => t.name);
    if (names.some((name) => name.toLowerCase() === wanted)) return;
    if (known.length === 0) known = names;
  }
  throw new SyncError(
    "SYNC_ERR_TRIGGER_INVALID",
    `No project of this organization has a work item type named "${type}".` +
      (known.length ? ` Types include: ${known.slice(0, 12).join(", ")}.` : ""),
    { workItemType: type },
  );
}
