import * as React from "react";

import type { SyncNodeClient } from "../../client";
import type { Connection } from "../../shared/contracts";

/** The connections list as the page shows it; never blank (docs/architecture.md#hub-rules). */
export type ConnectionsState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "loaded"; connections: Connection[] }
  | { status: "failed"; error: unknown };

/**
 * Loads the connections from `client` (none while the node is unknown). `reload` reads them
 * again; a reload keeps the current rows on screen instead of flashing the spinner.
 */
export function useConnections(client: SyncNodeClient | null): {
  state: ConnectionsState;
  reload: () => void;
} {
  const [state, setState] = React.useState<ConnectionsState>({ status: "idle" });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    if (!client) {
      setState({ status: "idle" });
      return;
    }
    let live = true;
    setState((previous) => (previous.status === "loaded" ? previous : { status: "loading" }));
    client.listConnections().then(
      (connections) => live && setState({ status: "loaded", connections }),
      (error: unknown) => live && setState({ status: "failed", error }),
    );
    return () => {
      live = false;
    };
  }, [client, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
