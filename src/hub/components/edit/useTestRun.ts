import * as React from "react";

import { useMountedRef } from "../useMountedRef";

/** One test run: none yet, running, its result, or its error. */
export type TestRun<T> =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; result: T }
  | { status: "failed"; error: unknown };

/** State of a test run section; answers that arrive after unmount are dropped. */
export function useTestRun<T>(): { state: TestRun<T>; start: (call: () => Promise<T>) => void } {
  const mounted = useMountedRef();
  const [state, setState] = React.useState<TestRun<T>>({ status: "idle" });
  const start = React.useCallback(
    (call: () => Promise<T>) => {
      setState({ status: "running" });
      call().then(
        (result) => mounted.current && setState({ status: "done", result }),
        (error: unknown) => mounted.current && setState({ status: "failed", error }),
      );
    },
    [mounted],
  );
  return { state, start };
}
