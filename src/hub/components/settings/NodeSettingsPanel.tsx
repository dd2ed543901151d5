import type { IButtonProps } from "azure-devops-ui/Button";
import { Button } from "azure-devops-ui/Button";
import { FormItem } from "azure-devops-ui/FormItem";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Panel } from "azure-devops-ui/Panel";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import * as React from "react";

import type { NodeInfo } from "../../../shared/contracts";
import { useHubServices } from "../../services/hubServices";
import { ErrorCard } from "../ErrorCard";
import { OpenNodeSettingsContext } from "../openNodeSettings";
import { useMountedRef } from "../useMountedRef";
import { NodeCredentialSection } from "./NodeCredentialSection";
import { NodeOrganizationSection } from "./NodeOrganizationSection";
import { nodeUrlError, normalizeNodeUrl } from "./nodeUrlRules";
import { sameOrganization } from "./organizationUrlRules";

/**
 * Progress of testing and saving the node URL. `passed` and `refused` carry the node's answer
 * and the organization (collection) URL the hub runs in; `refused`: Save found that the node
 * serves another organization, and nothing was stored.
 */
type TestState =
  | { status: "idle" }
  | { status: "testing"; saveAfter: boolean }
  | { status: "passed"; url: string; info: NodeInfo; hostUrl: string }
  | { status: "refused"; url: string; info: NodeInfo; hostUrl: string }
  | { status: "failed"; error: unknown }
  | { status: "saving" };

/** True when the node names an organization URL and it is not the hub's own. */
function servesOther(info: NodeInfo, hostUrl: string): boolean {
  return info.organizationUrl !== null && !sameOrganization(info.organizationUrl, hostUrl);
}

/**
 * Node settings: the sync node URL, tested (`GET /api/v1/node` must answer as an Exalate sync
 * node serving this organization: Save refuses another organization's node, and warns about
 * one without AZDO_ORG_URL) before it is stored in the organization's extension data. Opened by itself on first
 * run. Below it, once a node is saved: the organization URL the node serves (checked against
 * the host's) and the background-sync personal access token.
 */
export function NodeSettingsPanel(props: {
  firstRun: boolean;
  currentUrl?: string;
  onDismiss: () => void;
  onSaved: (url: string) => void;
}): React.ReactElement {
  const services = useHubServices();
  const [url, setUrl] = React.useState(props.currentUrl ?? "");
  const [urlError, setUrlError] = React.useState<string>();
  const [test, setTest] = React.useState<TestState>({ status: "idle" });
  const mounted = useMountedRef();
  const { currentUrl } = props;
  const credentialClient = React.useMemo(
    () => (currentUrl ? services.clientFor(currentUrl) : null),
    [services, currentUrl],
  );

  const save = (nodeUrl: string) => {
    setTest({ status: "saving" });
    services.saveNodeUrl(nodeUrl).then(
      () => {
        services.notify("Sync node saved.");
        props.onSaved(nodeUrl);
      },
      (error: unknown) => mounted.current && setTest({ status: "failed", error }),
    );
  };
  const run = (saveAfter: boolean) => {
    const error = nodeUrlError(url);
    setUrlError(error);
    if (error) return;
    const nodeUrl = normalizeNodeUrl(url);
    const tested = test.status === "passed" || test.status === "refused" ? test : null;
    if (saveAfter && tested?.url === nodeUrl) return decide(nodeUrl, tested.info, tested.hostUrl);
    setTest({ status: "testing", saveAfter });
    Promise.all([services.clientFor(nodeUrl).getNodeInfo(), services.organizationUrl()]).then(
      ([info, hostUrl]) => {
        if (!mounted.current) return;
        if (saveAfter) decide(nodeUrl, info, hostUrl);
        else setTest({ status: "passed", url: nodeUrl, info, hostUrl });
      },
      (failure: unknown) => mounted.current && setTest({ status: "failed", error: failure }),
    );
  };
  /** Save: a node of another organization is refused (its calls would all fail with auth). */
  const decide = (nodeUrl: string, info: NodeInfo, hostUrl: string) => {
    if (servesOther(info, hostUrl)) setTest({ status: "refused", url: nodeUrl, info, hostUrl });
    else save(nodeUrl);
  };

  const busy = test.status === "testing" || test.status === "saving";
  return (
    <Panel
      onDismiss={props.onDismiss}
      titleProps={{ text: "Node settings" }}
      description="The self-hosted sync node that stores this organization's connections."
      footerButtonProps={footer(busy, test, props.onDismiss, () => run(true))}
      ariaLabel="Node settings"
      lightDismiss={false}
    >
      {/* Already in Node settings: error cards offer no link to it. */}
      <OpenNodeSettingsContext.Provider value={null}>
        <div className="flex-column flex-grow rhythm-vertical-16 panel-body">
          {props.firstRun && (
            <MessageCard severity={MessageCardSeverity.Info} className="flex-self-stretch">
              Welcome to Exalate. First, connect this organization to its sync node: enter the
              node's URL, test it, and save it.
            </MessageCard>
          )}
          <section className="flex-column rhythm-vertical-8" aria-label="Sync node">
            <FormItem
              label="Sync node URL"
              error={Boolean(urlError)}
              message={urlError ?? "Stored for the whole organization."}
            >
              <TextField
                ariaLabel="Sync node URL"
                value={url}
                width={TextFieldWidth.auto}
                placeholder="https://sync.contoso.example"
                disabled={busy}
                onChange={(_event, value) => {
                  setUrl(value);
                  setUrlError(undefined);
                  if (test.status !== "idle") setTest({ status: "idle" });
                }}
              />
            </FormItem>
            <div>
              <Button text="Test connection" onClick={() => run(false)} disabled={busy} />
            </div>
            <TestResult test={test} noun={services.host.isHosted ? "organization" : "collection"} />
          </section>
          {credentialClient && <NodeOrganizationSection client={credentialClient} />}
          {credentialClient && <NodeCredentialSection client={credentialClient} />}
        </div>
      </OpenNodeSettingsContext.Provider>
    </Panel>
  );
}

function TestResult(props: { test: TestState; noun: string }) {
  const { test, noun } = props;
  switch (test.status) {
    case "idle":
    case "saving":
      return null;
    case "testing":
      return <Spinner size={SpinnerSize.small} label="Testing the sync node..." />;
    case "failed":
      return <ErrorCard error={test.error} />;
    case "refused":
      return (
        <MessageCard
          severity={MessageCardSeverity.Error}
          className="flex-self-stretch"
          role="alert"
        >
          {`Not saved. ${organizationProblem(test.info, test.hostUrl, noun)}`}
        </MessageCard>
      );
    case "passed": {
      const problem = organizationProblem(test.info, test.hostUrl, noun);
      return (
        <MessageCard
          severity={problem ? MessageCardSeverity.Warning : MessageCardSeverity.Info}
          className="flex-self-stretch"
          role="alert"
        >
          {`Connected to sync node ${test.info.version}: ${
            test.info.publicUrl ? `public at ${test.info.publicUrl}` : "private (no public URL)"
          }.${problem ? ` ${problem}` : ""}`}
        </MessageCard>
      );
    }
  }
}

/**
 * What is wrong with the organization (collection) the node serves, or null when it is the
 * hub's own. A node of another organization would answer every call made with this
 * organization's token with SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID; one without AZDO_ORG_URL can
 * neither check a token nor sync in the background.
 */
function organizationProblem(info: NodeInfo, hostUrl: string, noun: string): string | null {
  const setting = `AZDO_ORG_URL=${hostUrl.replace(/\/+$/, "")}`;
  if (info.organizationUrl === null) {
    return (
      `This sync node has no AZDO_ORG_URL, so it can neither check a token nor sync in the ` +
      `background. Set ${setting} on the node and restart it.`
    );
  }
  if (!servesOther(info, hostUrl)) return null;
  return (
    `This sync node serves ${info.organizationUrl}, not this ${noun} (${hostUrl}). ` +
    `Use this ${noun}'s own sync node, or set ${setting} on the node and restart it.`
  );
}

function footer(
  busy: boolean,
  test: TestState,
  dismiss: () => void,
  save: () => void,
): IButtonProps[] {
  const saving = test.status === "saving" || (test.status === "testing" && test.saveAfter);
  return [
    { text: "Cancel", onClick: dismiss, disabled: busy },
    {
      text: saving ? "Saving..." : "Save",
      primary: true,
      disabled: busy,
      onClick: save,
      iconProps: saving
        ? { render: () => <Spinner size={SpinnerSize.xSmall} className="margin-right-8" /> }
        : undefined,
    },
  ];
}
