/**
 * Helpers for driving the framed hub on the dev host page with playwright: the hub frame, its
 * header commands (azure-devops-ui renders them as menu items), dropdown choices, and the
 * host's test hooks.
 */
import type { FrameLocator, Page } from "playwright-core";

import type { DevhostHooks } from "../../src/devhost/host-page/main";

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
