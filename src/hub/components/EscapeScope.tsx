import * as React from "react";

/**
 * Makes Escape dismiss a panel or dialog wherever the focus is inside it. azure-devops-ui's
 * Button handles Escape itself (it blurs and stops the event), so Escape on a footer button,
 * the × button or a button in the content never reaches the callout's own Escape handling, and
 * the focus falls to the page behind the modal. This scope sees the key first (capture phase;
 * React's event tree includes portals), and answers it only when the focus is inside its own
 * callout, found by `calloutClassName` (pass the same class to the Panel's or Dialog's
 * `calloutClassName`): in a dialog over a panel, the dialog answers. A key another handler
 * already took (a CodeMirror editor, an open dropdown: its own callout) is left alone.
 */
export function EscapeScope(props: {
  calloutClassName: string;
  onEscape: () => void;
  children: React.ReactNode;
}): React.ReactElement {
  const { calloutClassName, onEscape } = props;
  const onKeyDownCapture = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (!insideCallout(event.target as Element, calloutClassName)) return;
    event.preventDefault();
    event.stopPropagation();
    onEscape();
  };
  // Panels and dialogs render in a portal: this element stays empty in the page.
  return (
    <div className="escape-scope" onKeyDownCapture={onKeyDownCapture}>
      {props.children}
    </div>
  );
}

/**
 * True when `element`'s nearest callout (panel, dialog, dropdown: azure-devops-ui's
 * `.bolt-callout`) has `calloutClassName`, i.e. the element is in that panel or dialog and not
 * in a callout opened over it.
 */
export function insideCallout(element: Element, calloutClassName: string): boolean {
  const callout = typeof element.closest === "function" ? element.closest(".bolt-callout") : null;
  return callout?.classList.contains(calloutClassName) ?? false;
}
