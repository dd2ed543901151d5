import { Ago } from "azure-devops-ui/Ago";
import { Button } from "azure-devops-ui/Button";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { getStatistics } from "../../../client/connection-settings-api";
import type { Connection, SyncStatistics } from "../../../shared/contracts";
import { useLoad } from "../useLoad";
import { RetryCard } from "./RetryCard";

/**
 * The Statistics tab: twins in sync, queued and failed counts per direction, last sync each way
 * and last contact with the partner (on the private side: its last poll).
 */
export function StatisticsTab(props: {
  client: SyncNodeClient;
  connection: Connection;
}): React.ReactElement {
  const { client, connection } = props;
  const read = React.useCallback(
    () => getStatistics(client, connection.id),
    [client, connection.id],
  );
  const { state, reload } = useLoad(read);
  switch (state.status) {
    case "loading":
      return <Spinner size={SpinnerSize.large} label="Loading statistics..." />;
    case "failed":
      return <RetryCard error={state.error} onRetry={() => reload()} />;
    case "loaded":
      return (
        <div className="flex-column rhythm-vertical-8">
          <StatisticsList statistics={state.value} privateSide={connection.localSide} />
          <div>
            <Button
              text="Refresh"
              iconProps={{ iconName: "Refresh" }}
              onClick={() => reload(true)}
            />
          </div>
        </div>
      );
  }
}

function When(props: { at: string | null }): React.ReactElement {
  return props.at ? (
    <Ago date={new Date(props.at)} />
  ) : (
    <span className="secondary-text">Never</span>
  );
}

function StatisticsList(props: {
  statistics: SyncStatistics;
  privateSide: Connection["localSide"];
}): React.ReactElement {
  const s = props.statistics;
  const contact = props.privateSide === "private" ? "Last poll" : "Last contact with the partner";
  const rows: [string, React.ReactNode][] = [
    ["Work items in sync (twins)", s.twins],
    ["Outgoing queued", s.outgoing.queued],
    ["Outgoing failed", s.outgoing.failed],
    ["Incoming queued", s.incoming.queued],
    ["Incoming failed", s.incoming.failed],
    ["Last sent", <When key="sent" at={s.lastSentAt} />],
    ["Last received", <When key="received" at={s.lastReceivedAt} />],
    [contact, <When key="contact" at={s.lastContactAt} />],
  ];
  return (
    <dl className="statistics-list" aria-label="Statistics">
      {rows.map(([label, value]) => (
        <div key={label} className="flex-row rhythm-horizontal-16 padding-vertical-4">
          <dt className="font-weight-semibold">{label}</dt>
          <dd className="margin-left-8">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
