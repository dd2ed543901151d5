import * as React from "react";

import type { ErrorCode } from "../../shared/errors";

/**
 * Opens Node settings from anywhere below the Connections page (null where it makes no sense,
 * e.g. inside Node settings itself). `ErrorCard` uses it to offer the way out of errors whose
 * fix is there.
 */
export const OpenNodeSettingsContext = React.createContext<(() => void) | null>(null);

/** Codes fixed in Node settings: the node URL, or the background-sync token. */
export const NODE_SETTINGS_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "SYNC_ERR_CLIENT_NETWORK",
  "SYNC_ERR_CLIENT_BAD_RESPONSE",
  "SYNC_ERR_CREDENTIAL_MISSING",
  "SYNC_ERR_CREDENTIAL_INVALID",
]);
