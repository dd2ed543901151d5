/** Row types of the transport tables (migration 0003). Times are epoch milliseconds. */

/** The partner node of one accepted connection. */
export interface TransportLinksTable {
  connection_id: string;
  /** The partner's node id (node_settings `node_id` on its side). */
  remote_node_id: string;
  /** Public acceptor of a private initiator: the invitation's one-time secret, sealed. */
  handshake_secret_sealed: string | null;
  created_at: number;
}

/** A transport token id already accepted (replay guard), kept until the token expires. */
export interface TransportTokenIdsTable {
  jti: string;
  expires_at: number;
}

declare module "../storage/database" {
  /** Tables created by migration 0003. */
  interface Database {
    transport_links: TransportLinksTable;
    transport_token_ids: TransportTokenIdsTable;
  }
}
