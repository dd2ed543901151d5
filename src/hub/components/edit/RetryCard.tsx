import * as React from "react";

import { ErrorCard } from "../ErrorCard";

/**
 * A tab's load failure: the error (with its code) and a primary Retry action
 * (docs/architecture.md#hub-rules).
 */
export function RetryCard(props: { error: unknown; onRetry: () => void }): React.ReactElement {
  return (
    <ErrorCard
      error={props.error}
      actions={[{ text: "Retry", onClick: props.onRetry, primary: true }]}
    />
  );
}
