export type { FetchLike } from "./http-request";
export { SYNC_NODE_PRODUCT } from "./response-guards";
export { DEFAULT_TIMEOUT_MS, SyncNodeClient, type SyncNodeClientOptions } from "./sync-node-client";
export type { TokenProvider } from "./token-provider";
