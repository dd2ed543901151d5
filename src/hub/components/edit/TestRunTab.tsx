import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import type { Connection, Replica } from "../../../shared/contracts";
import { IncomingTestSection } from "./IncomingTestSection";
import { OutgoingTestSection } from "./OutgoingTestSection";
import { prettyJson } from "./testRunInput";

/**
 * The Test run tab: run the saved outgoing script on a work item (shows the replica), and the
 * saved incoming script on a replica (shows the JSON Patch it would apply). Test runs apply
 * nothing and send nothing (src/server/sync/script-test-service.ts).
 */
export function TestRunTab(props: {
  client: SyncNodeClient;
  connection: Connection;
}): React.ReactElement {
  const { client, connection } = props;
  const [replicaText, setReplicaText] = React.useState("");
  const useReplica = (replica: Replica) => setReplicaText(prettyJson(replica));
  return (
    <div className="flex-column rhythm-vertical-24">
      <MessageCard severity={MessageCardSeverity.Info} className="flex-self-stretch">
        Test runs apply nothing: they run the saved scripts and show what would be sent or written.
        No work item changes and nothing reaches the other side.
      </MessageCard>
      <OutgoingTestSection client={client} connectionId={connection.id} onUseReplica={useReplica} />
      <IncomingTestSection
        client={client}
        connectionId={connection.id}
        replicaText={replicaText}
        onReplicaTextChange={setReplicaText}
      />
    </div>
  );
}
