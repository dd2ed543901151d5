/**
 * CodeMirror theme and highlight style built only from the host's CSS variables (azure-devops-ui
 * theme tokens), so the editor follows light, dark and high-contrast themes without hard-coded
 * colours.
 */
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { EditorView } from "codemirror";

const palette = (name: string, alpha = 1) => `rgba(var(--palette-${name}), ${alpha})`;

/** Editor chrome: background, text, gutter, cursor, selection, focus ring. */
export const hostEditorTheme = EditorView.theme({
  "&": {
    color: "var(--text-primary-color)",
    backgroundColor: "var(--background-color)",
    border: `1px solid ${palette("neutral-20")}`,
    fontSize: "13px",
  },
  "&.cm-focused": { outline: `2px solid var(--focus-border-color, ${palette("primary")})` },
  ".cm-content": { caretColor: "var(--text-primary-color)", fontFamily: "monospace" },
  ".cm-cursor": { borderLeftColor: "var(--text-primary-color)" },
  ".cm-gutters": {
    backgroundColor: palette("neutral-2"),
    color: "var(--text-secondary-color)",
    borderRight: `1px solid ${palette("neutral-8")}`,
  },
  ".cm-activeLine": { backgroundColor: palette("neutral-4", 0.5) },
  ".cm-activeLineGutter": { backgroundColor: palette("neutral-4") },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": {
    backgroundColor: palette("primary", 0.25),
  },
  ".cm-error-line": { backgroundColor: "var(--status-error-background)" },
});

/** JavaScript token colours from the host's status and palette variables. */
export const hostHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.keyword, color: palette("primary"), fontWeight: "600" },
    { tag: [tags.string, tags.regexp], color: "var(--status-success-foreground)" },
    { tag: [tags.number, tags.bool, tags.null], color: "var(--status-warning-foreground)" },
    { tag: tags.comment, color: "var(--text-secondary-color)", fontStyle: "italic" },
    { tag: [tags.propertyName, tags.function(tags.variableName)], color: palette("primary", 0.8) },
    { tag: tags.invalid, color: "var(--status-error-foreground)" },
  ]),
);
