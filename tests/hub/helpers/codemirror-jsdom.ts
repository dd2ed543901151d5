/**
 * jsdom has no layout, so `Range.getClientRects` / `getBoundingClientRect` are missing; CodeMirror
 * measures text with them when it scrolls a position into view. Empty rectangles are what a
 * browser answers for an invisible range, which is enough for the editor's logic under test.
 */
export function installRangeGeometry(): void {
  const proto = Range.prototype as unknown as Record<string, unknown>;
  if (typeof proto.getClientRects !== "function") {
    proto.getClientRects = () => Object.assign([], { item: () => null });
  }
  if (typeof proto.getBoundingClientRect !== "function") {
    proto.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
  }
}
