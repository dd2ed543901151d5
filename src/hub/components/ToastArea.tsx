import { Toast } from "azure-devops-ui/Toast";
import * as React from "react";

import { setToastFallback, TOAST_DURATION_MS } from "../services/globalMessages";

/**
 * The in-iframe toast, used only when the host has no global messages service: registers itself
 * as the fallback of services/globalMessages.ts while mounted.
 */
export function ToastArea(): React.ReactElement | null {
  const [message, setMessage] = React.useState<string | null>(null);
  React.useEffect(() => {
    setToastFallback(setMessage);
    return () => setToastFallback(undefined);
  }, []);
  React.useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), TOAST_DURATION_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return message === null ? null : (
    <div role="status" aria-live="polite">
      <Toast message={message} />
    </div>
  );
}
