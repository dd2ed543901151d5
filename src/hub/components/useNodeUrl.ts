import * as React from "react";

import { useHubServices } from "../services/hubServices";

/** Where the hub stands with its sync node URL (stored in extension data, key `syncNodeUrl`). */
export type NodeUrlState =
  | { status: "loading" }
  | { status: "missing" }
  | { status: "known"; url: string }
  | { status: "failed"; error: unknown };

/** Reads the stored sync node URL; `reload` reads it again, `saved` records a new one. */
export function useNodeUrl(): {
  state: NodeUrlState;
  reload: () => void;
  saved: (url: string) => void;
} {
  const services = useHubServices();
  const [state, setState] = React.useState<NodeUrlState>({ status: "loading" });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    services.readNodeUrl().then(
      (url) => live && setState(url ? { status: "known", url } : { status: "missing" }),
      (error: unknown) => live && setState({ status: "failed", error }),
    );
    return () => {
      live = false;
    };
  }, [services, attempt]);
  return {
    state,
    reload: React.useCallback(() => setAttempt((n) => n + 1), []),
    saved: React.useCallback((url: string) => setState({ status: "known", url }), []),
  };
}
