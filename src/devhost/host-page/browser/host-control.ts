/**
 * `DevOps.HostControl` and `DevOps.ServiceManager`: the objects the SDK calls on its parent
 * (microsoft/azure-devops-extension-sdk `src/SDK.ts`: `init`, `notifyLoadSucceeded`,
 * `getAccessToken`, `getAppToken`, `resize`, `getService`). Tokens come from the dev host
 * server: the app token is signed there with the development secret, the access token is
 * issued by the organization's emulator for the signed-in user.
 */
import { currentHandshake, legacyHandshake } from "./handshake";
import type { HostPageConfig } from "./page-config";
import type { ThemeName } from "./theme-data";

/** What the host records of the frame's calls; tests read it as `window.__devhost`. */
export interface HostRecord {
  handshakes: number;
  handshakeOptions: unknown[];
  /** True once the host has answered a handshake (theme changes may then be pushed). */
  handshakeAnswered: boolean;
  loadSucceeded: number;
  loadFailed: number;
  loadFailures: string[];
  resizes: Array<[number | null, number | null]>;
  appTokens: number;
  accessTokens: number;
  toasts: string[];
  /** Every request as "instanceId.methodName", in arrival order. */
  requests: string[];
}

/** Creates an empty record. */
export function newHostRecord(): HostRecord {
  return {
    handshakes: 0,
    handshakeOptions: [],
    handshakeAnswered: false,
    loadSucceeded: 0,
    loadFailed: 0,
    loadFailures: [],
    resizes: [],
    appTokens: 0,
    accessTokens: 0,
    toasts: [],
    requests: [],
  };
}

/** Hooks from the page: current theme, and the progress bar shown until the frame loads. */
export interface HostControlPage {
  theme(): ThemeName;
  loadSettled(): void;
}

/** Builds `DevOps.HostControl`. */
export function createHostControl(
  config: HostPageConfig,
  record: HostRecord,
  page: HostControlPage,
) {
  return {
    initialHandshake(options: unknown) {
      record.handshakes += 1;
      record.handshakeOptions.push(options);
      switch (config.handshake) {
        case "none":
          return new Promise<never>(() => undefined); // The host never answers the handshake.
        case "legacy":
          record.handshakeAnswered = true;
          return legacyHandshake(config, page.theme());
        case "current":
          record.handshakeAnswered = true;
          return currentHandshake(config, page.theme());
      }
    },
    notifyLoadSucceeded() {
      record.loadSucceeded += 1;
      page.loadSettled();
    },
    notifyLoadFailed(error: unknown) {
      record.loadFailed += 1;
      record.loadFailures.push(describe(error));
      page.loadSettled();
      console.warn("[devhost] the extension reported a load failure:", error);
    },
    resize(width?: number, height?: number) {
      record.resizes.push([width ?? null, height ?? null]);
    },
    async getAppToken() {
      record.appTokens += 1;
      return { token: await fetchToken(config, "app-token") };
    },
    async getAccessToken() {
      record.accessTokens += 1;
      return { token: await fetchToken(config, "access-token") };
    },
  };
}

async function fetchToken(config: HostPageConfig, kind: "app-token" | "access-token") {
  const response = await fetch(`${config.apiBase}/${kind}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user: config.userKey }),
  });
  if (!response.ok)
    throw new Error(`The dev host could not issue the ${kind} (${response.status}).`);
  const body = (await response.json()) as { token: string };
  return body.token;
}

function describe(error: unknown): string {
  if (typeof error === "string") return error;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return JSON.stringify(error);
}
