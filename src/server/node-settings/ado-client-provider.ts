/**
 * The Azure DevOps client the sync engine uses for background sync, built from the node's
 * credential: the PAT stored through Node settings (sealed in `node_settings`) or, when none
 * is stored, `AZDO_PAT`. One client per PAT, sharing one organization gate so every caller
 * honours the same `Retry-After` (Microsoft Learn "Rate and usage limits"). Also resolves the
 * **sync identity**: the user the PAT acts as, whose writes are the sync's own and never echo
 * back (docs/architecture.md#sync-model).
 */
import { SyncError } from "../../shared/errors";
import { AdoHttp, type AdoHttpOptions } from "../ado/ado-http";
import type { AdoIdentityRef } from "../ado/ado-types";
import { IdentityDirectory } from "../ado/identity-lookup";
import { OrganizationGate, systemClock } from "../ado/rate-limit-gate";
import type { SecretBox } from "../crypto/secret-box";
import type { Store } from "../storage/store";
import { NODE_SETTING_KEYS, readSetting } from "./node-settings-repository";

/** Options of `AdoClientProvider`. */
export interface AdoClientProviderOptions {
  store: Store;
  box: SecretBox;
  /** AZDO_ORG_URL; null: background sync is impossible (SYNC_ERR_CREDENTIAL_MISSING). */
  organizationUrl: string | null;
  /** AZDO_PAT, used when no PAT is stored. */
  environmentPat: string | null;
  /** Extra client options (tests: faster backoff). */
  http?: Partial<Omit<AdoHttpOptions, "organizationUrl" | "credential">>;
}

/** The client of one PAT and, once asked, its identity. */
interface ClientEntry {
  pat: string;
  http: AdoHttp;
  identity?: Promise<AdoIdentityRef>;
  /** E-mail lookups for scripts, cached per PAT (another PAT may see other users). */
  directory: IdentityDirectory;
}

/** Gives the current client and sync identity; re-reads the stored PAT on each call. */
export class AdoClientProvider {
  readonly #options: AdoClientProviderOptions;
  readonly #gate = new OrganizationGate(systemClock);
  #cached?: ClientEntry;

  constructor(options: AdoClientProviderOptions) {
    this.#options = options;
  }

  /**
   * The client for the current PAT.
   * @throws SyncError SYNC_ERR_CREDENTIAL_MISSING when no organization URL or PAT is set
   */
  async client(): Promise<AdoHttp> {
    return (await this.#current()).http;
  }

  /** The identity the PAT acts as (`_apis/connectionData`), asked once per PAT. */
  async syncIdentity(): Promise<AdoIdentityRef> {
    const current = await this.#current();
    current.identity ??= fetchIdentity(current.http).catch((error: unknown) => {
      current.identity = undefined;
      throw error;
    });
    return current.identity;
  }

  /**
   * The active user whose sign-in or mail address is `email`, or undefined (cached ten minutes,
   * hits and misses; see `IdentityDirectory`).
   * @throws SyncError SYNC_ERR_CREDENTIAL_MISSING, SYNC_ERR_ADO_* when the Identities API fails
   */
  async userByEmail(email: string): Promise<AdoIdentityRef | undefined> {
    return (await this.#current()).directory.byEmail(email);
  }

  async #current(): Promise<ClientEntry> {
    const { organizationUrl } = this.#options;
    const stored = await readSetting(
      this.#options.store.db,
      this.#options.box,
      NODE_SETTING_KEYS.syncPat,
    );
    const pat = stored ?? this.#options.environmentPat;
    if (!organizationUrl || !pat) throw new SyncError("SYNC_ERR_CREDENTIAL_MISSING");
    if (this.#cached?.pat !== pat) {
      const http = new AdoHttp({
        ...this.#options.http,
        organizationUrl,
        credential: { kind: "pat", token: pat },
        gate: this.#gate,
      });
      this.#cached = { pat, http, directory: new IdentityDirectory(http) };
    }
    return this.#cached;
  }
}

async function fetchIdentity(http: AdoHttp): Promise<AdoIdentityRef> {
  const response = await http.send<{
    authenticatedUser?: {
      id?: string;
      providerDisplayName?: string;
      properties?: Record<string, { $value?: string }>;
    };
  }>({ method: "GET", path: "_apis/connectionData", version: "none" });
  const user = response.data?.authenticatedUser;
  if (!user?.id)
    throw new SyncError("SYNC_ERR_CREDENTIAL_INVALID", undefined, { reason: "anonymous" });
  return {
    id: user.id,
    displayName: user.providerDisplayName,
    uniqueName: user.properties?.Account?.$value ?? user.properties?.Mail?.$value,
  };
}
