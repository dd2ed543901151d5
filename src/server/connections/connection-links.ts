/** The connections slice's side of the transport port (transport/transport-connections.ts). */
import type { TransportConnections } from "../transport/transport-connections";
import { findConnection, listConnections } from "./connection-repository";
import { openConnectionSecret } from "./connection-secret";
import { confirmAcceptance } from "./handshake-confirm";

/** Connection lookups, secrets and the acceptance confirmation, for the transport worker. */
export const connectionLinks: TransportConnections = {
  find: findConnection,
  list: listConnections,
  secret: (context, row) => openConnectionSecret(context.box, row),
  confirm: (context, row) => confirmAcceptance(context, row),
};
