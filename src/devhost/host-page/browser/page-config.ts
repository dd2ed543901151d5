/**
 * What the dev host server tells its page script (embedded as JSON in the page), and the
 * request switches a test or a person can put in the page URL.
 */
import type { ThemeName } from "./theme-data";

/**
 * How the host answers the SDK's `initialHandshake` (page URL `?handshake=`):
 * current: today's shape; legacy: page context at the top level plus `context: {user, host}`
 * (microsoft/azure-devops-extension-sdk#103); none: never answers, as when the hub is opened
 * outside Azure DevOps (`SDK.init()` has no timeout: MicrosoftDocs/azure-devops-docs#13934).
 */
export const HANDSHAKE_MODES = ["current", "legacy", "none"] as const;
export type HandshakeMode = (typeof HANDSHAKE_MODES)[number];

/** Signed-in users the dev host can impersonate (page URL `?user=`). */
export const DEV_USERS = ["ada", "max"] as const;
export type DevUser = (typeof DEV_USERS)[number];

/** The user as the SDK reports it (`SDK.getUser()`). */
export interface UserContext {
  id: string;
  name: string;
  displayName: string;
  descriptor: string;
  imageUrl: string;
}

/** The organization as the SDK reports it (`SDK.getHost()`; type 4 = Organization). */
export interface HostContext {
  id: string;
  name: string;
  serviceVersion: string;
  type: number;
  isHosted: boolean;
}

/** The extension as the SDK reports it (`SDK.getExtensionContext()`). */
export interface ExtensionContext {
  id: string;
  publisherId: string;
  extensionId: string;
  version: string;
  baseUri: string;
}

/** Everything the page script needs; serialized into the page by the server. */
export interface HostPageConfig {
  organization: string;
  /** The emulated organization URL, e.g. http://127.0.0.1:3010/contoso (no trailing slash). */
  organizationUrl: string;
  /** Full URL of the framed hub page (another origin than the host page). */
  hubUrl: string;
  handshake: HandshakeMode;
  theme: ThemeName;
  /**
   * Whether the host grants `clipboard-write` to the frame (`?clipboard=blocked` denies, as a
   * permissions policy does: OfficeDev/office-js#1991).
   */
  clipboardAllowed: boolean;
  user: UserContext;
  userKey: DevUser;
  host: HostContext;
  extension: ExtensionContext;
  /** Full id of the hub contribution, e.g. idalko-tools.exalate.adnode. */
  contributionId: string;
  /** Base path of this organization's dev host API, e.g. /_devhost/api/contoso. */
  apiBase: string;
  /** Base path of this organization's extension data API on the dev host. */
  extensionDataBase: string;
}
