/**
 * A JavaScript code editor (CodeMirror 6: highlighting, line numbers, search, bracket matching)
 * themed from the host's CSS variables. Loaded lazily (lazyPanels.ts) so CodeMirror stays out of
 * the first-load bundle.
 */
import { javascript } from "@codemirror/lang-javascript";
import { basicSetup, EditorView } from "codemirror";
import * as React from "react";

import { hostEditorTheme, hostHighlighting } from "./scriptEditorTheme";

/** A 1-based line and column in the script (from SYNC_ERR_SCRIPT_SYNTAX details). */
export interface ScriptPosition {
  line: number;
  column: number | null;
}

/** Props of ScriptEditor; `value` is read on mount and whenever `resetKey` changes. */
export interface ScriptEditorProps {
  label: string;
  value: string;
  resetKey?: string | number;
  readOnly: boolean;
  onChange: (value: string) => void;
  /** When set, the cursor jumps to this position (a syntax error). */
  errorAt?: ScriptPosition | null;
}

export function ScriptEditor(props: ScriptEditorProps): React.ReactElement {
  const host = React.useRef<HTMLDivElement>(null);
  const view = React.useRef<EditorView | null>(null);
  const onChange = React.useRef(props.onChange);
  onChange.current = props.onChange;

  React.useEffect(() => {
    const created = new EditorView({
      doc: props.value,
      parent: host.current!,
      extensions: [
        basicSetup,
        javascript(),
        hostEditorTheme,
        hostHighlighting,
        EditorView.editable.of(!props.readOnly),
        EditorView.contentAttributes.of({
          "aria-label": props.label,
          "aria-readonly": String(props.readOnly),
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = created;
    return () => created.destroy();
    // Recreated only when the document is reset or the read-only flag changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.resetKey, props.readOnly]);

  React.useEffect(() => {
    const current = view.current;
    if (!current || !props.errorAt) return;
    const doc = current.state.doc;
    const line = doc.line(Math.min(Math.max(props.errorAt.line, 1), doc.lines));
    const offset = Math.max((props.errorAt.column ?? 1) - 1, 0);
    const anchor = Math.min(line.from + offset, line.to);
    current.dispatch({ selection: { anchor }, scrollIntoView: true });
  }, [props.errorAt]);

  return <div ref={host} className="script-editor" data-testid={`editor-${props.label}`} />;
}
