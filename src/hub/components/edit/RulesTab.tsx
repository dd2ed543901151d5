import { Button } from "azure-devops-ui/Button";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import { type SyncNodeClient } from "../../../client";
import { getScripts, saveScripts } from "../../../client/connection-settings-api";
import type { Connection, ConnectionScripts } from "../../../shared/contracts";
import { isSyncError } from "../../../shared/errors";
import { useHubServices } from "../../services/hubServices";
import { ErrorCard } from "../ErrorCard";
import { ScriptEditor } from "../lazyPanels";
import { useMountedRef } from "../useMountedRef";
import { RetryCard } from "./RetryCard";
import type { ScriptPosition } from "./ScriptEditor";

type ScriptKind = keyof ConnectionScripts;

/** A syntax error the node reported for one script (SYNC_ERR_SCRIPT_SYNTAX details). */
interface SyntaxProblem extends ScriptPosition {
  script: ScriptKind;
  message: string;
}

type RulesState =
  | { status: "loading" }
  | { status: "failed"; error: unknown }
  | { status: "loaded"; saved: ConnectionScripts; draft: ConnectionScripts; version: number };

/**
 * The Rules tab: outgoing and incoming scripts in code editors. Save stores both (the node
 * checks their syntax first; a syntax error is shown inline with its line and column). Basic
 * mode shows the fixed scripts read-only. Reports unsaved changes through `onDirtyChange`.
 */
export function RulesTab(props: {
  client: SyncNodeClient;
  connection: Connection;
  onDirtyChange: (dirty: boolean) => void;
}): React.ReactElement {
  const { client, connection, onDirtyChange } = props;
  const [state, setState] = React.useState<RulesState>({ status: "loading" });
  const load = useLoader(client, connection.id, setState);
  React.useEffect(load, [load]);
  const dirty =
    state.status === "loaded" &&
    (state.draft.outgoing !== state.saved.outgoing ||
      state.draft.incoming !== state.saved.incoming);
  React.useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  switch (state.status) {
    case "loading":
      return <Spinner size={SpinnerSize.large} label="Loading scripts..." />;
    case "failed":
      return <RetryCard error={state.error} onRetry={load} />;
    case "loaded":
      return (
        <RulesEditor
          client={client}
          connection={connection}
          state={state}
          dirty={dirty}
          setState={setState}
        />
      );
  }
}

function useLoader(
  client: SyncNodeClient,
  id: string,
  setState: (state: RulesState) => void,
): () => void {
  const mounted = useMountedRef();
  return React.useCallback(() => {
    setState({ status: "loading" });
    getScripts(client, id).then(
      (saved) => mounted.current && setState({ status: "loaded", saved, draft: saved, version: 0 }),
      (error: unknown) => mounted.current && setState({ status: "failed", error }),
    );
  }, [client, id, setState, mounted]);
}

function RulesEditor(props: {
  client: SyncNodeClient;
  connection: Connection;
  state: Extract<RulesState, { status: "loaded" }>;
  dirty: boolean;
  setState: React.Dispatch<React.SetStateAction<RulesState>>;
}): React.ReactElement {
  const { client, connection, state, setState } = props;
  const readOnly = connection.mode === "basic";
  const save = useSave(client, connection.id, state.draft, setState);
  const setDraft = (kind: ScriptKind) => (text: string) =>
    setState((s) => (s.status === "loaded" ? { ...s, draft: { ...s.draft, [kind]: text } } : s));
  const discard = () =>
    setState((s) => (s.status === "loaded" ? { ...s, draft: s.saved, version: s.version + 1 } : s));
  // Ctrl+S (Cmd+S) saves from anywhere in the tab, as in code editors.
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (readOnly || event.key.toLowerCase() !== "s" || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    if (props.dirty && !save.saving) save.run();
  };
  return (
    <div className="flex-column rhythm-vertical-16" onKeyDown={onKeyDown}>
      {!readOnly && (
        <div className="flex-row flex-center rhythm-horizontal-8 rules-toolbar">
          <Button
            primary
            text={save.saving ? "Saving..." : "Save"}
            disabled={!props.dirty || save.saving}
            onClick={save.run}
          />
          <Button text="Revert to saved" disabled={!props.dirty || save.saving} onClick={discard} />
          <span className="secondary-text" aria-live="polite">
            {props.dirty ? "Unsaved changes (Ctrl+S saves)" : "All changes saved"}
          </span>
        </div>
      )}
      {readOnly && (
        <MessageCard severity={MessageCardSeverity.Info} className="flex-self-stretch">
          This connection uses Basic mode: it syncs a fixed set of fields and its scripts can only
          be read here. To write your own rules, create a connection in Script mode.
        </MessageCard>
      )}
      {save.error !== null && <ErrorCard error={save.error} />}
      {(["outgoing", "incoming"] as const).map((kind) => (
        <section key={kind} className="flex-column rhythm-vertical-8">
          <h3 className="title-s" id={`rules-${kind}`}>
            {kind === "outgoing" ? "Outgoing script" : "Incoming script"}
          </h3>
          {/* Next to its editor: the editor scrolls to the error, and the message stays in view. */}
          {save.problem?.script === kind && <SyntaxCard problem={save.problem} />}
          <React.Suspense fallback={<Spinner label="Loading the editor..." />}>
            <ScriptEditor
              label={kind === "outgoing" ? "Outgoing script" : "Incoming script"}
              value={state.draft[kind]}
              resetKey={state.version}
              readOnly={readOnly}
              onChange={setDraft(kind)}
              errorAt={save.problem?.script === kind ? save.problem : null}
            />
          </React.Suspense>
        </section>
      ))}
    </div>
  );
}

function SyntaxCard(props: { problem: SyntaxProblem }): React.ReactElement {
  const { script, line, column, message } = props.problem;
  const where = `line ${line}${column === null ? "" : `, column ${column}`}`;
  return (
    <MessageCard severity={MessageCardSeverity.Error} className="flex-self-stretch" role="alert">
      {`${script === "outgoing" ? "Outgoing" : "Incoming"} script, ${where}: ${message}`}{" "}
      <span className="secondary-text">(SYNC_ERR_SCRIPT_SYNTAX)</span>
    </MessageCard>
  );
}

/** The node's syntax error details, or null for any other failure. */
function syntaxProblem(error: unknown): SyntaxProblem | null {
  if (!isSyncError(error) || error.code !== "SYNC_ERR_SCRIPT_SYNTAX") return null;
  const details = error.details ?? {};
  const line = typeof details.line === "number" ? details.line : 1;
  return {
    script: details.script === "incoming" ? "incoming" : "outgoing",
    line,
    column: typeof details.column === "number" ? details.column : null,
    message: typeof details.message === "string" ? details.message : error.message,
  };
}

function useSave(
  client: SyncNodeClient,
  id: string,
  draft: ConnectionScripts,
  setState: React.Dispatch<React.SetStateAction<RulesState>>,
) {
  const services = useHubServices();
  const mounted = useMountedRef();
  const [saving, setSaving] = React.useState(false);
  const [problem, setProblem] = React.useState<SyntaxProblem | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const run = () => {
    setSaving(true);
    setProblem(null);
    setError(null);
    saveScripts(client, id, draft).then(
      (saved) => {
        if (!mounted.current) return;
        setSaving(false);
        setState((s) => (s.status === "loaded" ? { ...s, saved } : s));
        services.notify("Scripts saved.");
      },
      (failure: unknown) => {
        if (!mounted.current) return;
        setSaving(false);
        const syntax = syntaxProblem(failure);
        if (syntax) setProblem(syntax);
        else setError(failure);
      },
    );
  };
  return { run, saving, problem, error };
}
