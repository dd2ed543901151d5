import * as React from "react";

/**
 * A ref that is true while the component is mounted, for promise callbacks that may settle
 * after a panel closed (no state updates on an unmounted component).
 */
export function useMountedRef(): React.MutableRefObject<boolean> {
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
