/**
 * Helpers for driving the framed hub on the dev host page with playwright: the hub frame, its
 * header commands (azure-devops-ui renders them as menu items), dropdown choices, and the
 * host's test hooks.
 */
import type { FrameLocator, Locator, Page } from "playwright-core";

import type { DevhostHooks } from "../../src/devhost/host-page/browser/main";

/** The hub's iframe on a dev host page. */
export function hubFrame(page: Page): FrameLocator {
  return page.frameLocator("iframe.external-content-host");
}

/** Clicks a command of the hub's page header ("Initiate connection", "Accept invitation"...). */
export async function headerCommand(page: Page, name: string): Promise<void> {
  await hubFrame(page).getByRole("menuitem", { name }).click();
}

/** Opens an azure-devops-ui dropdown by its label and picks an option. */
export async function pickFromDropdown(page: Page, label: string, option: string): Promise<void> {
  await hubFrame(page)
    .getByRole("button", { name: new RegExp(label) })
    .click();
  await hubFrame(page).getByRole("option", { name: option }).click();
}

/** What the host recorded of the frame's calls (`window.__devhost`, without functions). */
export async function hostRecord(page: Page): Promise<Omit<DevhostHooks, "setTheme">> {
  return page.evaluate(() => {
    const { setTheme: _setTheme, ...record } = window.__devhost;
    return record;
  });
}

/** Waits until the hub shows its Connections page with a loaded list (table or empty state). */
export async function waitForConnectionList(page: Page): Promise<"table" | "empty"> {
  const frame = hubFrame(page);
  const table = frame.getByRole("table", { name: "Connections" });
  const empty = frame.getByText("No connections yet");
  await table.or(empty).first().waitFor();
  return (await table.isVisible()) ? "table" : "empty";
}

/** Opens Edit connection from the connection's name in the Connections table. */
export async function openEditConnection(page: Page, name: string): Promise<void> {
  await hubFrame(page).getByRole("button", { name, exact: true }).click();
  await hubFrame(page)
    .getByRole("heading", { name: `Edit connection ${name}` })
    .waitFor();
}

/**
 * Replaces the whole text of a script editor (CodeMirror, labelled "Outgoing script" or
 * "Incoming script") as a person pasting it would: click, Ctrl+A, then the text arrives as one
 * input (no auto-indent or bracket closing on the way).
 */
export async function replaceScript(page: Page, label: string, text: string): Promise<void> {
  const editor = hubFrame(page).getByRole("textbox", { name: label });
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/**
 * True when the whole element is inside its frame's viewport and inside every scrolling or
 * clipping ancestor (what a person can see without scrolling). `axes` "x" checks only the
 * horizontal extent (e.g. an element taller than the view). Sub-pixel rounding is ignored.
 */
export function isFullyVisible(locator: Locator, axes: "x" | "both" = "both"): Promise<boolean> {
  return locator.evaluate((element, onlyX) => {
    const box = element.getBoundingClientRect();
    const inside = (outer: { left: number; top: number; right: number; bottom: number }) =>
      box.left >= outer.left - 1 &&
      box.right <= outer.right + 1 &&
      (onlyX || (box.top >= outer.top - 1 && box.bottom <= outer.bottom + 1));
    if (!inside({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }))
      return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      const clips = [style.overflowX, style.overflowY].some((o) => o !== "visible");
      if (clips && !inside(parent.getBoundingClientRect())) return false;
    }
    return true;
  }, axes === "x");
}
