import { FormItem } from "azure-devops-ui/FormItem";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { useHubServices } from "../../services/hubServices";
import { ErrorCard } from "../ErrorCard";
import { useLoad } from "../useLoad";
import { sameOrganization } from "./organizationUrlRules";

/**
 * The Azure DevOps organization (Services) or collection (Server) URL the sync node serves.
 * It is part of the node's deployment (`AZDO_ORG_URL`: background sync runs without the hub),
 * so it is shown, not edited here, and compared with the organization the hub runs in: a node
 * of another organization, or one without a URL, gets a warning that says what to set.
 */
export function NodeOrganizationSection(props: { client: SyncNodeClient }): React.ReactElement {
  const { client } = props;
  const services = useHubServices();
  const read = React.useCallback(async () => {
    const [info, hostUrl] = await Promise.all([client.getNodeInfo(), services.organizationUrl()]);
    return { nodeUrl: info.organizationUrl, hostUrl };
  }, [client, services]);
  const { state, reload } = useLoad(read);
  const noun = services.host.isHosted ? "organization" : "collection";
  return (
    <section className="flex-column rhythm-vertical-8" aria-label={`Azure DevOps ${noun}`}>
      <h3 className="title-s">{`Azure DevOps ${noun}`}</h3>
      {state.status === "loading" && <Spinner size={SpinnerSize.medium} label="Loading..." />}
      {state.status === "failed" && (
        <ErrorCard
          error={state.error}
          actions={[{ text: "Retry", onClick: () => reload(), primary: true }]}
        />
      )}
      {state.status === "loaded" && <OrganizationUrl noun={noun} {...state.value} />}
    </section>
  );
}

function OrganizationUrl(props: {
  noun: string;
  nodeUrl: string | null;
  hostUrl: string;
}): React.ReactElement {
  const { noun, nodeUrl, hostUrl } = props;
  const setting = `AZDO_ORG_URL=${hostUrl.replace(/\/+$/, "")}`;
  if (nodeUrl === null) {
    return (
      <MessageCard severity={MessageCardSeverity.Warning} className="flex-self-stretch">
        {`This sync node has no ${noun} URL, so it can neither check a token nor sync in the ` +
          `background. Set ${setting} on the node and restart it.`}
      </MessageCard>
    );
  }
  const label = `${noun[0]!.toUpperCase()}${noun.slice(1)} URL`;
  return (
    <>
      <FormItem
        label={label}
        message={`Set on the sync node (AZDO_ORG_URL); the node syncs this ${noun}'s work items.`}
      >
        <TextField ariaLabel={label} value={nodeUrl} readOnly width={TextFieldWidth.auto} />
      </FormItem>
      {!sameOrganization(nodeUrl, hostUrl) && (
        <MessageCard
          severity={MessageCardSeverity.Warning}
          className="flex-self-stretch"
          role="alert"
        >
          {`This sync node serves ${nodeUrl}, but this hub runs in ${hostUrl}. Connections made ` +
            `here would sync the other ${noun}'s work items. Use this ${noun}'s own sync node, ` +
            `or set ${setting} on the node and restart it.`}
        </MessageCard>
      )}
    </>
  );
}
