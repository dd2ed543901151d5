/**
 * The fake sync node's state (and Azure DevOps' project list), held once for both ways in:
 * `backend.fetch` for jsdom hub tests, `serveFakeNode(backend)` for client tests over HTTP.
 * Tests seed the state, steer answers (failures, hanging routes, gates, accepted app tokens)
 * and read back what was sent (`requests`).
 */
import type {
  Connection,
  ConnectionScripts,
  InvitationPreview,
  NodeCredentialStatus,
  SyncErrorItem,
  SyncStatistics,
} from "../../../src/shared/contracts";
import type { ErrorCode } from "../../../src/shared/errors";
import type { Answer } from "./answer";
import { fakeFetch } from "./fake-fetch";
import { createSettingsState, type FakeSettingsState } from "./settings-routes";

/**
 * One request the fake received, in arrival order.
 * - `url`: the full URL as requested (`http://node.test/api/v1/...`, or the loopback URL);
 * - `path`: its path and query as sent (percent-encoding kept), e.g. `/api/v1/connections/c%201`;
 * - `headers`: lower-case names; `body`: the parsed JSON body (undefined when there was none).
 */
export interface Recorded {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * The fake node. Route keys are `"METHOD /path"` with the path as sent (percent-encoded, no
 * query), e.g. `"GET /api/v1/connections"`. Every field may be changed by a test at any time.
 */
export interface FakeBackend {
  /** A `fetch` answering for `NODE_URL` (the node) and `ADO_URL` (the project list); any other
   *  origin fails like an unreachable host (`TypeError: Failed to fetch`). */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** Every request received (both ways in), oldest first. */
  requests: Recorded[];
  /** The node's connections (`GET /api/v1/connections`); routes change them in place. */
  connections: Connection[];
  /** Azure DevOps' projects of organization `contoso` (`GET /contoso/_apis/projects`). */
  projects: { id: string; name: string }[];
  /** App tokens the node accepts (default `app-token-1`); any other: 401 SYNC_ERR_AUTH_APP_TOKEN_EXPIRED. */
  validAppTokens: Set<string>;
  /**
   * Answers given instead of the normal one, keyed "METHOD /path" (persistent until deleted).
   * An `Answer` may carry raw `text` (a non-JSON page) and `delayMs` (a slow node).
   */
  failures: Map<string, Answer>;
  /** Routes ("METHOD /path") that never answer. */
  hanging: Set<string>;
  /** Routes ("METHOD /path") that answer only once the promise settles. */
  gates: Map<string, Promise<void>>;
  /** Errors for invitation codes (inspect and accept). */
  invitationErrors: Map<string, ErrorCode>;
  /** Current invitation code per connection id once regenerated (absent: `INV-<id>`). */
  invitationCodes: Map<string, string>;
  /** What inspecting any invitation code answers; accepting creates this connection. */
  preview: InvitationPreview;
  /** Stored scripts per connection id (absent: `DEFAULT_TEST_SCRIPTS`). */
  scripts: Map<string, ConnectionScripts>;
  /** What `GET /api/v1/connections/:id/statistics` answers for any connection. */
  statistics: SyncStatistics;
  /** The node credential status; a PUT with a pat in `credentialErrors` fails with that code. */
  credential: NodeCredentialStatus;
  credentialErrors: Map<string, ErrorCode>;
  /** Sync errors per connection id; retry and resolve remove them. */
  syncErrors: Map<string, SyncErrorItem[]>;
  /** Triggers, bulk sync jobs and script test run answers (settings-routes.ts). */
  settings: FakeSettingsState;
}

/**
 * A fresh fake node: no connections, two projects (Beta, Alpha), app token `app-token-1`
 * accepted, no failures, a Basic-mode invitation preview from fabrikam, some statistics, no
 * node credential and no sync errors.
 */
export function createFakeBackend(): FakeBackend {
  const backend: FakeBackend = {
    fetch: (input, init) => fakeFetch(backend, input, init),
    requests: [],
    connections: [],
    projects: [
      { id: "p-beta", name: "Beta" },
      { id: "p-alpha", name: "Alpha" },
    ],
    validAppTokens: new Set(["app-token-1"]),
    failures: new Map(),
    hanging: new Set(),
    gates: new Map(),
    invitationErrors: new Map(),
    invitationCodes: new Map(),
    preview: {
      connectionId: "c-remote",
      connectionName: "fabrikam_to_contoso",
      description: "From Fabrikam",
      initiatorShortName: "fabrikam",
      acceptorShortName: "contoso",
      mode: "basic",
      initiatorUrl: "http://fabrikam.test",
      expiresAt: "2026-02-01T00:00:00.000Z",
    },
    scripts: new Map(),
    credential: { source: "none", identity: null, updatedAt: null },
    credentialErrors: new Map(),
    syncErrors: new Map(),
    settings: createSettingsState(),
    statistics: {
      twins: 12,
      outgoing: { queued: 2, failed: 1 },
      incoming: { queued: 0, failed: 3 },
      lastSentAt: "2026-01-01T00:00:00.000Z",
      lastReceivedAt: null,
      lastContactAt: "2026-01-01T00:00:00.000Z",
    },
  };
  return backend;
}
