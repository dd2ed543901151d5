import * as React from "react";

import { prettyJson } from "./testRunInput";

/**
 * Read-only pretty JSON in a monospace block that scrolls inside (focusable, so keyboard users
 * can scroll it too).
 */
export function JsonBlock(props: { value: unknown; label: string }): React.ReactElement {
  return (
    <pre className="json-block monospace-text" tabIndex={0} role="region" aria-label={props.label}>
      {prettyJson(props.value)}
    </pre>
  );
}
