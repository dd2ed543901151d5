import { Header, TitleSize } from "azure-devops-ui/Header";
import { Page } from "azure-devops-ui/Page";
import { ZeroData, ZeroDataActionType } from "azure-devops-ui/ZeroData";
import * as React from "react";

import type { HostContext } from "../services/host";

/** The Connections page: header with commands and the list of sync connections. */
export function ConnectionsPage(props: { host: HostContext }): React.ReactElement {
  return (
    <Page className="flex-grow">
      <Header
        title="Connections"
        titleSize={TitleSize.Large}
        description={props.host.organizationName}
      />
      <div className="page-content page-content-top">
        <ZeroData
          primaryText="No connections yet"
          secondaryText="Initiate a connection to start synchronizing work items with a partner."
          imageAltText=""
          actionText="Initiate connection"
          actionType={ZeroDataActionType.ctaButton}
        />
      </div>
    </Page>
  );
}
