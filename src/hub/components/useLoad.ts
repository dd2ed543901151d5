import * as React from "react";

import { useMountedRef } from "./useMountedRef";

/** What a component shows while something loads from the node (docs/architecture.md#hub-rules). */
export type LoadState<T> =
  { status: "loading" } | { status: "failed"; error: unknown } | { status: "loaded"; value: T };

/** `useLoad`'s answer: the state, a way to load again (Retry, Refresh) and to edit the value. */
export interface Load<T> {
  state: LoadState<T>;
  /** Loads again; `quiet` keeps showing the loaded value meanwhile (a Refresh, not a Retry). */
  reload: (quiet?: boolean) => void;
  /** Changes the loaded value in place (after a save); does nothing unless loaded. */
  update: (change: (value: T) => T) => void;
}

/**
 * Loads `read()` when mounted and whenever `read` changes (wrap it in `useCallback`). Only the
 * newest call's answer is kept, and answers arriving after unmount are dropped.
 */
export function useLoad<T>(read: () => Promise<T>): Load<T> {
  const mounted = useMountedRef();
  const latest = React.useRef(0);
  const [state, setState] = React.useState<LoadState<T>>({ status: "loading" });
  const reload = React.useCallback(
    (quiet = false) => {
      const call = ++latest.current;
      const current = () => mounted.current && call === latest.current;
      if (!quiet) setState({ status: "loading" });
      read().then(
        (value) => current() && setState({ status: "loaded", value }),
        (error: unknown) => current() && setState({ status: "failed", error }),
      );
    },
    [read, mounted],
  );
  React.useEffect(() => reload(), [reload]);
  const update = React.useCallback(
    (change: (value: T) => T) =>
      setState((s) => (s.status === "loaded" ? { ...s, value: change(s.value) } : s)),
    [],
  );
  return { state, reload, update };
}
