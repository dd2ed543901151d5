import * as React from "react";

import { useMountedRef } from "../useMountedRef";

/** One test run: none yet, running, its result, or its error. */
export type TestRun<T> =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; result: T }
  | { status: "failed"; error: unknown };

/**
 * State of a test run section. `start` replaces the previous result or error at once (the
 * section shows the spinner), and only the latest run's answer is shown: answers of earlier
 * runs, and answers that arrive after unmount, are dropped. `reset` clears the previous
 * result, e.g. when the hub refuses the new input before sending it, so an old answer is not
 * shown under the new input.
 */
export function useTestRun<T>(): {
  state: TestRun<T>;
  start: (call: () => Promise<T>) => void;
  reset: () => void;
} {
  const mounted = useMountedRef();
  const latest = React.useRef(0);
  const [state, setState] = React.useState<TestRun<T>>({ status: "idle" });
  const start = React.useCallback(
    (call: () => Promise<T>) => {
      const run = ++latest.current;
      const current = () => mounted.current && run === latest.current;
      setState({ status: "running" });
      call().then(
        (result) => current() && setState({ status: "done", result }),
        (error: unknown) => current() && setState({ status: "failed", error }),
      );
    },
    [mounted],
  );
  const reset = React.useCallback(() => {
    latest.current += 1;
    setState({ status: "idle" });
  }, []);
  return { state, start, reset };
}
