import { Button } from "azure-devops-ui/Button";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { Surface, SurfaceBackground } from "azure-devops-ui/Surface";
import * as React from "react";

import { isSyncError } from "../shared/errors";
import { assertNever } from "../shared/states";
import { ConnectionsPage } from "./components/ConnectionsPage";
import { connectToHost, type HostContext, reportLoadFailure } from "./services/host";
import { createHubServices, HubServicesContext } from "./services/hubServices";

/**
 * Lifecycle of the hub page, never blank (docs/architecture.md#hub-rules):
 *   connecting -> ready | failed;  failed --Reload--> (page reload)
 */
type HubState =
  | { status: "connecting" }
  | { status: "ready"; host: HostContext }
  | { status: "failed"; code: string; message: string };

/** Root of the settings hub: waits for the host handshake, then shows the connections page. */
export function HubRoot(props: { reload?: () => void }): React.ReactElement {
  const [state, setState] = React.useState<HubState>({ status: "connecting" });

  React.useEffect(() => {
    let live = true;
    connectToHost().then(
      (host) => live && setState({ status: "ready", host }),
      (error: unknown) => {
        const failure = toFailure(error);
        reportLoadFailure(new Error(`${failure.code}: ${failure.message}`));
        if (live) setState({ status: "failed", ...failure });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <Surface background={SurfaceBackground.neutral}>
      <div className="flex-grow flex-column">{renderState(state, props.reload)}</div>
    </Surface>
  );
}

function renderState(state: HubState, reload = () => window.location.reload()) {
  switch (state.status) {
    case "connecting":
      return (
        <div className="flex-grow flex-center justify-center">
          <Spinner size={SpinnerSize.large} label="Connecting to Azure DevOps..." />
        </div>
      );
    case "ready":
      return <ReadyHub host={state.host} />;
    case "failed":
      return (
        <div className="page-content page-content-top">
          <MessageCard severity={MessageCardSeverity.Error} className="flex-self-stretch">
            <div className="flex-column rhythm-vertical-8">
              <span>
                {state.message} ({state.code})
              </span>
              <div>
                <Button text="Reload" primary onClick={reload} />
              </div>
            </div>
          </MessageCard>
        </div>
      );
    default:
      return assertNever(state);
  }
}

/** The hub after the handshake: its services (SDK wrappers, node client) and the page. */
function ReadyHub(props: { host: HostContext }) {
  const services = React.useMemo(() => createHubServices(props.host), [props.host]);
  return (
    <HubServicesContext.Provider value={services}>
      <ConnectionsPage />
    </HubServicesContext.Provider>
  );
}

function toFailure(error: unknown): { code: string; message: string } {
  if (isSyncError(error)) return { code: error.code, message: error.message };
  return {
    code: "SYNC_ERR_HOST_HANDSHAKE_TIMEOUT",
    message: error instanceof Error ? error.message : String(error),
  };
}
