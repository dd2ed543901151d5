import { Ago } from "azure-devops-ui/Ago";
import { Button } from "azure-devops-ui/Button";
import { FormItem } from "azure-devops-ui/FormItem";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { getNodeCredential, saveNodeCredential } from "../../../client/connection-settings-api";
import type { NodeCredentialStatus } from "../../../shared/contracts";
import { useHubServices } from "../../services/hubServices";
import { ErrorCard } from "../ErrorCard";
import { useLoad } from "../useLoad";
import { useMountedRef } from "../useMountedRef";

/**
 * The personal access token the node uses for background sync. The node verifies it
 * before storing it (invalid or expired: SYNC_ERR_CREDENTIAL_INVALID; missing a permission:
 * SYNC_ERR_CREDENTIAL_PERMISSION); the hub never sees it again, only that one is stored.
 */
export function NodeCredentialSection(props: { client: SyncNodeClient }): React.ReactElement {
  const { client } = props;
  const read = React.useCallback(() => getNodeCredential(client), [client]);
  const { state, reload, update } = useLoad(read);
  return (
    <section className="flex-column rhythm-vertical-8" aria-label="Background sync credential">
      <h3 className="title-s">Background sync credential</h3>
      {state.status === "loading" && <Spinner size={SpinnerSize.medium} label="Loading..." />}
      {state.status === "failed" && (
        <ErrorCard
          error={state.error}
          actions={[{ text: "Retry", onClick: () => reload(), primary: true }]}
        />
      )}
      {state.status === "loaded" && (
        <CredentialForm
          client={client}
          credential={state.value}
          onSaved={(credential) => update(() => credential)}
        />
      )}
    </section>
  );
}

function StoredCredential(props: { credential: NodeCredentialStatus; onReplace: () => void }) {
  const { credential } = props;
  const source =
    credential.source === "environment"
      ? "A token is set by the node's AZDO_PAT environment variable"
      : "A token is stored";
  return (
    <div className="flex-column rhythm-vertical-8">
      <span>
        {source}
        {credential.identity ? ` (acts as ${credential.identity})` : ""}
        {credential.updatedAt && (
          <span className="secondary-text">
            {", saved "}
            <Ago date={new Date(credential.updatedAt)} />
          </span>
        )}
        .
      </span>
      <div>
        <Button text="Replace" onClick={props.onReplace} />
      </div>
    </div>
  );
}

function CredentialForm(props: {
  client: SyncNodeClient;
  credential: NodeCredentialStatus;
  onSaved: (credential: NodeCredentialStatus) => void;
}): React.ReactElement {
  const services = useHubServices();
  const mounted = useMountedRef();
  const [replacing, setReplacing] = React.useState(props.credential.source === "none");
  const [pat, setPat] = React.useState("");
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  if (!replacing)
    return <StoredCredential credential={props.credential} onReplace={() => setReplacing(true)} />;
  const save = () => {
    setSaving(true);
    setError(null);
    saveNodeCredential(props.client, { pat: pat.trim() }).then(
      (credential) => {
        if (!mounted.current) return;
        setSaving(false);
        setPat("");
        setReplacing(false);
        services.notify("Background sync credential verified and saved.");
        props.onSaved(credential);
      },
      (failure: unknown) => {
        if (!mounted.current) return;
        setSaving(false);
        setError(failure);
      },
    );
  };
  return (
    <div className="flex-column rhythm-vertical-8">
      {props.credential.source === "none" && (
        <MessageCard severity={MessageCardSeverity.Warning} className="flex-self-stretch">
          No token is stored: the node cannot pick up changes or write work items until you add one.
        </MessageCard>
      )}
      <FormItem
        label="Personal access token"
        message="Scopes: Work Items (Read & write). The node verifies it now and never shows it again."
      >
        <TextField
          ariaLabel="Personal access token"
          inputType="password"
          value={pat}
          width={TextFieldWidth.auto}
          disabled={saving}
          autoComplete={false}
          onChange={(_event, value) => {
            setPat(value);
            setError(null);
          }}
        />
      </FormItem>
      {error !== null && <ErrorCard error={error} />}
      <div className="flex-row rhythm-horizontal-8">
        <Button
          primary
          text={saving ? "Verifying..." : "Verify and save token"}
          disabled={saving || pat.trim() === ""}
          onClick={save}
        />
        {props.credential.source !== "none" && (
          <Button
            text="Keep the stored token"
            disabled={saving}
            onClick={() => setReplacing(false)}
          />
        )}
      </div>
    </div>
  );
}
