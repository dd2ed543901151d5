/**
 * The settings hub's whole flow in Chromium on the dev host, against the real sync nodes:
 * contoso (public node) initiates a connection to fabrikam (private node, "I don't have a
 * URL"), fabrikam accepts the invitation code, both list the connection. Each step is saved
 * as a screenshot under test-artifacts/ (light theme, plus the main screens in dark).
 */
import type { FrameLocator, Page } from "playwright-core";

import { describeInBrowser, newTestPage, screenshot } from "../helpers/browser";
import { useBrowserEnvironment } from "../helpers/dev-environment";
import { hubFrame } from "../helpers/hub-page";

/** Start-up budget: a stale hub is rebuilt (webpack, about a minute on slow machines). */
const SETUP_TIMEOUT_MS = 240_000;
/** Budget of one flow test: several pages, panels and node calls. Not a timing assertion. */
const FLOW_TIMEOUT_MS = 120_000;

describeInBrowser("settings hub flow on the dev host", () => {
  let invitationCode = "";

  const fixture = useBrowserEnvironment(SETUP_TIMEOUT_MS);

  async function openHub(org: "contoso" | "fabrikam", query = ""): Promise<[Page, FrameLocator]> {
    const page = await newTestPage(fixture.browser);
    await page.goto(`${fixture.test.env.organizations[org].hubPageUrl}${query}`);
    const hub = hubFrame(page);
    await hub.getByRole("heading", { name: "Connections" }).waitFor();
    return [page, hub];
  }

  /** The wizard's step list is on one line, and the current step's title is not cut. */
  async function expectStepsOnOneLine(hub: FrameLocator): Promise<void> {
    const steps = hub.getByRole("list", { name: "Steps" });
    const tops = await steps.evaluate((list) =>
      [...list.children].map((item) => Math.round(item.getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
    const current = steps.locator('[aria-current="step"] .wizard-step-title');
    expect(await current.evaluate((title) => title.scrollWidth <= title.clientWidth)).toBe(true);
    expect(await steps.evaluate((list) => list.scrollWidth <= list.clientWidth)).toBe(true);
  }

  const next = (hub: FrameLocator) => hub.getByRole("button", { name: "Next" }).click();

  it(
    "contoso initiates a connection through every wizard step",
    async () => {
      const [page, hub] = await openHub("contoso");
      await hub.getByText("No connections yet").waitFor();
      await screenshot(page, "hub-01-empty-list");

      await hub.getByRole("menuitem", { name: "Initiate connection" }).click();
      await hub.getByRole("list", { name: "Steps" }).waitFor();
      await next(hub);
      await hub.getByText(/Enter the destination's sync node URL/).waitFor();
      await screenshot(page, "hub-02-step-destination-validation");
      await expectStepsOnOneLine(hub);
      await hub.getByRole("checkbox", { name: "I don't have a URL" }).click();
      await next(hub);

      await hub.getByRole("radio", { name: "Script" }).click();
      await screenshot(page, "hub-03-step-mode");
      await next(hub);

      await hub.getByRole("textbox", { name: "Local instance short name" }).fill("contoso");
      await hub.getByRole("textbox", { name: "Destination instance short name" }).fill("fabrikam");
      await screenshot(page, "hub-04-step-short-names");
      await next(hub);

      await hub.getByRole("textbox", { name: "Description" }).fill("Bugs both ways");
      await screenshot(page, "hub-05-step-name");
      await next(hub);

      await hub.getByRole("button", { name: /Project for incoming sync/ }).click();
      await hub.getByRole("option", { name: "Alpha" }).click();
      await screenshot(page, "hub-06-step-project");
      await next(hub);

      await screenshot(page, "hub-07-step-initiate");
      await expectStepsOnOneLine(hub);
      await hub.getByRole("button", { name: "Initiate", exact: true }).click();
      const code = hub.getByRole("textbox", { name: "Invitation code" });
      await code.waitFor();
      invitationCode = await code.inputValue();
      expect(invitationCode.length).toBeGreaterThan(20);
      await hub.getByRole("button", { name: "Copy invitation code" }).click();
      const status = hub.getByRole("status").filter({ hasText: /Copied|Press/ });
      await status.waitFor();
      await screenshot(page, "hub-08-invitation-code");

      await hub.getByRole("button", { name: "Done" }).click();
      const row = hub.getByRole("row").filter({ hasText: "contoso_to_fabrikam" });
      await row.waitFor();
      expect(await row.textContent()).toContain("Pending");
      expect(await row.textContent()).toContain("unknown");
      await screenshot(page, "hub-09-list-pending");
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );

  // The Clipboard API is often blocked inside the iframe (OfficeDev/office-js#1991).
  it(
    "with the clipboard blocked the code is selected and the hub says Press Ctrl+C (while Pending)",
    async () => {
      const [page, hub] = await openHub("contoso");
      const frame = page.frames().find((f) => f.url().includes("hub.html"));
      await frame?.evaluate(() => {
        Object.defineProperty(navigator, "clipboard", {
          configurable: true,
          value: {
            writeText: () => Promise.reject(new DOMException("blocked", "NotAllowedError")),
          },
        });
        document.execCommand = () => false;
        window.prompt = () => null;
      });
      await hub.getByRole("row").filter({ hasText: "contoso_to_fabrikam" }).hover();
      await hub.getByRole("button", { name: "More options" }).first().click();
      await hub.getByRole("menuitem", { name: "Copy invitation code" }).click();
      await hub.getByRole("button", { name: "Copy invitation code" }).click();
      const status = hub.getByRole("status").filter({ hasText: /Press/ });
      await status.waitFor();
      expect(await status.textContent()).not.toMatch(/Copied/);
      const selected = await hub
        .getByRole("textbox", { name: "Invitation code" })
        .evaluate((e: HTMLTextAreaElement) => e.selectionEnd - e.selectionStart);
      expect(selected).toBeGreaterThan(20);
      await screenshot(page, "hub-12-clipboard-blocked");
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "fabrikam inspects and accepts the invitation code",
    async () => {
      expect(invitationCode).not.toBe("");
      const [page, hub] = await openHub("fabrikam");
      await hub.getByRole("menuitem", { name: "Accept invitation" }).click();
      await hub.getByRole("textbox", { name: "Invitation code" }).fill(`\n  ${invitationCode}  \n`);
      await hub.getByRole("button", { name: "Inspect" }).click();
      await hub.getByText("Initiator short name").waitFor();
      await hub.getByRole("button", { name: /Project for incoming sync/ }).click();
      await hub.getByRole("option", { name: "Beta" }).click();
      await screenshot(page, "hub-10-accept-inspected");
      await hub.getByRole("button", { name: "Accept", exact: true }).click();
      const row = hub.getByRole("row").filter({ hasText: "contoso_to_fabrikam" });
      await row.waitFor();
      expect(await row.textContent()).toContain("Active");
      await screenshot(page, "hub-11-list-accepted");
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "dark theme: list, menu, wizard and node settings follow the host theme",
    async () => {
      const [page, hub] = await openHub("contoso", "?theme=light");
      await hub.getByRole("row").filter({ hasText: "contoso_to_fabrikam" }).waitFor();
      const pageBackground = () =>
        hub.locator(".bolt-page").evaluate((element) => getComputedStyle(element).backgroundColor);
      const light = await pageBackground();
      await page.evaluate(() => window.__devhost.setTheme("dark")); // themeChanged, no reload
      await page.waitForFunction(() => window.__devhost.theme === "dark");
      const frame = page.frames().find((f) => f.url().includes("hub.html"));
      await frame?.waitForFunction(
        (before) =>
          getComputedStyle(document.querySelector(".bolt-page")!).backgroundColor !== before,
        light,
      );
      expect(await pageBackground()).not.toBe(light);
      await screenshot(page, "hub-21-dark-list");
      await hub.getByRole("row").filter({ hasText: "contoso_to_fabrikam" }).hover();
      await hub.getByRole("button", { name: "More options" }).first().click();
      await hub.getByRole("menu").waitFor();
      await screenshot(page, "hub-22-dark-row-menu");
      await hub.getByRole("menuitem", { name: "Delete" }).click();
      await hub.getByText("Delete connection?").waitFor();
      await screenshot(page, "hub-23-dark-delete-dialog");
      await hub.getByRole("button", { name: "Cancel" }).click();
      await hub.getByRole("menuitem", { name: "Initiate connection" }).click();
      await hub.getByRole("list", { name: "Steps" }).waitFor();
      await screenshot(page, "hub-24-dark-wizard");
      await hub.getByRole("button", { name: "Cancel" }).click();
      await hub.getByRole("menuitem", { name: "Node settings" }).click();
      await hub.getByRole("textbox", { name: "Sync node URL" }).waitFor();
      await hub.getByRole("button", { name: "Test connection" }).click();
      await hub.getByText(/Connected to sync node/).waitFor();
      await screenshot(page, "hub-25-dark-node-settings");
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );
});
