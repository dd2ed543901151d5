/**
 * `startEmulator(options)`: one HTTP server emulating one Azure DevOps organization (or Server
 * collection) at `http://127.0.0.1:PORT/<organization>`, backed by SQLite. The hub, the sync
 * node and the tests call it exactly as they call the service; `/_emulator/...` control routes
 * (see `control.ts`) let other processes issue tokens and PATs, inject faults and reset.
 */
import type { FastifyInstance } from "fastify";

import type { Product } from "./api-version";
import { buildEmulatorApp } from "./app";
import { createPat, issueAccessToken, type PatOptions } from "./auth";
import type { OrgSettings } from "./context";
import type { ControlHandlers } from "./control";
import { type FaultControl, FaultTable } from "./faults";
import { findIdentities } from "./identity";
import { DEFAULT_SEED_USERS, seedOrganization, type SeedUser, userId } from "./seed";
import { EmulatorStore, stableUuid } from "./store";

/** Default attachment size limit: 60 MB, the service's limit for a simple upload. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 60 * 1024 * 1024;
/** Attachments per work item (the service's limit; one more fails the save with TF237082). */
export const DEFAULT_ATTACHMENTS_PER_WORK_ITEM = 100;

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** Organization (collection) name: the first path segment of every URL. */
  organization: string;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** SQLite file; default `":memory:"`. An existing file keeps its data (no re-seed). */
  dataFile?: string;
  /** Emulated product: "services" (api-version up to 7.2) or "server2022" (up to 7.0). */
  product?: Product;
  /** Seed users, groups, projects and nodes into an empty database (default true). */
  seed?: boolean;
  /** Users to seed instead of the defaults (Ada Admin, Max Member, Sync Service, Rita Reader). */
  seedUsers?: readonly SeedUser[];
  /** Delay added to every organization request, in ms (default 0), to imitate a network. */
  baseDelayMs?: number;
  /** Attachment upload limit in bytes (default 60 MB). */
  attachmentMaxBytes?: number;
  /** Attachments per work item (default 100). */
  attachmentsPerWorkItem?: number;
}

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:PORT/<organization>` */
  url: string;
  organization: string;
  /** `http://127.0.0.1:PORT` (control routes live under `/_emulator`). */
  origin: string;
  /** Issues a user access token (Bearer); default user Ada Admin; `ttlMs` default 1 hour. */
  issueAccessToken(userId?: string, ttlMs?: number): Promise<string>;
  /** Creates a PAT (Basic with empty user name); default scopes: full access. */
  createPat(options: PatOptions): Promise<string>;
  /** Seeded user ids by key: ada, max, sync, rita (or the keys of `seedUsers`). */
  users: Record<string, string>;
  faults: FaultControl;
  /** The fastify app (for `inject` in tests). */
  app: FastifyInstance;
  close(): Promise<void>;
}

function openStore(options: EmulatorOptions, seedUsers: readonly SeedUser[]) {
  const store = new EmulatorStore(options.dataFile ?? ":memory:");
  const seed = () => {
    if (options.seed !== false) seedOrganization(store, options.organization, seedUsers);
  };
  if (store.projects().length === 0 && store.identities().length === 0) seed();
  const instanceId = store.meta("instanceId") ?? stableUuid(`${options.organization}/instance`);
  store.setMeta("instanceId", instanceId);
  return { store, seed, instanceId };
}

function controlHandlers(
  settings: OrgSettings,
  users: Record<string, string>,
  seed: () => void,
  url: () => string,
): ControlHandlers {
  const { store } = settings;
  return {
    info: () => ({
      organization: settings.organization,
      url: url(),
      product: settings.product,
      users: store.identities().filter((i) => !i.isGroup),
      projects: store.projects(),
    }),
    resolveUser: (key) => (key ? findIdentities(store, key)[0]?.id : users.ada),
    issueAccessToken: (id, ttl) => issueAccessToken(store, id, ttl),
    createPat: (pat) => createPat(store, pat),
    faults: settings.faults,
    reset: () => {
      store.resetData();
      seed();
    },
  };
}

/** Starts an emulator. Rejects when the port is taken or the data file cannot be opened. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const { organization } = options;
  const seedUsers = options.seedUsers ?? DEFAULT_SEED_USERS;
  const { store, seed, instanceId } = openStore(options, seedUsers);
  const settings: OrgSettings = {
    organization,
    product: options.product ?? "services",
    store,
    faults: new FaultTable(),
    attachmentMaxBytes: options.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
    attachmentsPerWorkItem: options.attachmentsPerWorkItem ?? DEFAULT_ATTACHMENTS_PER_WORK_ITEM,
    instanceId,
  };
  const users = Object.fromEntries(seedUsers.map((u) => [u.key, userId(organization, u.key)]));
  let url = "";
  const control = controlHandlers(settings, users, seed, () => url);
  const app = await buildEmulatorApp(settings, control, options.baseDelayMs ?? 0);
  const origin = (await app.listen({ port: options.port ?? 0, host: "127.0.0.1" })).replace(
    "localhost",
    "127.0.0.1",
  );
  url = `${origin}/${organization}`;
  return {
    url,
    organization,
    origin,
    users,
    faults: settings.faults,
    app,
    issueAccessToken: async (id = users.ada, ttlMs) => issueAccessToken(store, id, ttlMs),
    createPat: async (pat) => createPat(store, pat),
    close: async () => {
      await app.close();
      store.close();
    },
  };
}
