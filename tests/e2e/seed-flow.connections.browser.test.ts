/**
 * The seed flow (docs/architecture.md#flow-of-one-invitation) in Chromium on the dev host, with
 * both sync nodes running as `npm start` runs them (contoso public, fabrikam private). Screenshots
 * of every step go to test-artifacts/seed-*.png.
 */
import type { Page } from "playwright-core";

import { describeInBrowser, newTestPage, screenshot } from "../helpers/browser";
import { useBrowserEnvironment } from "../helpers/dev-environment";
import {
  headerCommand,
  hubFrame,
  pickFromDropdown,
  waitForConnectionList,
} from "../helpers/hub-page";

/** Start-up budget: hub build when stale, two emulators, two sync node child processes. */
const SETUP_TIMEOUT_MS = 300_000;
/** The whole walk through two hubs on a slow machine. */
const FLOW_TIMEOUT_MS = 180_000;

describeInBrowser("seed flow: initiate on contoso, accept on fabrikam", () => {
  let invitationCode = "";

  const fixture = useBrowserEnvironment(SETUP_TIMEOUT_MS);

  it(
    "contoso: the Initiate connection wizard ends with a Pending connection whose destination is unknown",
    async () => {
      const page = await newTestPage(fixture.browser);
      const frame = hubFrame(page);
      await page.goto(fixture.test.env.organizations.contoso.hubPageUrl);
      expect(await waitForConnectionList(page)).toBe("empty");
      await screenshot(page, "seed-01-contoso-no-connections");

      await headerCommand(page, "Initiate connection");
      await frame.getByRole("checkbox", { name: "I don't have a URL" }).click();
      await screenshot(page, "seed-02-destination-no-url");
      await next(page);

      await frame.getByRole("radio", { name: "Script" }).click();
      await screenshot(page, "seed-03-mode-script");
      await next(page);

      await frame.getByRole("textbox", { name: "Local instance short name" }).fill("contoso");
      await frame
        .getByRole("textbox", { name: "Destination instance short name" })
        .fill("fabrikam");
      await screenshot(page, "seed-04-short-names");
      await next(page);

      const name = frame.getByRole("textbox", { name: "Connection name" });
      expect(await name.inputValue()).toBe("contoso_to_fabrikam");
      await frame
        .getByRole("textbox", { name: "Description" })
        .fill("Seed flow from the browser test");
      await screenshot(page, "seed-05-name-description");
      await next(page);

      await pickFromDropdown(page, "Project for incoming sync", "Alpha");
      await screenshot(page, "seed-06-project");
      await next(page);

      await frame.getByRole("button", { name: "Initiate", exact: true }).click();
      const copy = frame.getByRole("button", { name: "Copy invitation code" });
      await copy.waitFor();
      invitationCode = await frame.getByRole("textbox", { name: "Invitation code" }).inputValue();
      expect(invitationCode.length).toBeGreaterThan(20);
      await copy.click();
      await expectText(page, /public-private connection/i);
      await screenshot(page, "seed-07-invitation-code");

      await frame.getByRole("button", { name: "Done" }).click();
      const row = frame.getByRole("row", { name: /contoso_to_fabrikam/ });
      await row.waitFor();
      const cells = await row.innerText();
      expect(cells).toMatch(/unknown/);
      expect(cells).toMatch(/Pending/);
      await screenshot(page, "seed-08-contoso-pending");
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "fabrikam: accepting the code shows the invitation, takes a project and lists the connection Active",
    async () => {
      expect(invitationCode).not.toBe("");
      const page = await newTestPage(fixture.browser);
      const frame = hubFrame(page);
      await page.goto(fixture.test.env.organizations.fabrikam.hubPageUrl);
      expect(await waitForConnectionList(page)).toBe("empty");

      await headerCommand(page, "Accept invitation");
      // Pasted with surrounding whitespace, as from an e-mail; the hub ignores it.
      await frame.getByRole("textbox", { name: "Invitation code" }).fill(`  ${invitationCode}\n`);
      await frame.getByRole("button", { name: "Inspect" }).click();
      await expectText(page, "contoso_to_fabrikam");
      await screenshot(page, "seed-09-fabrikam-inspect");

      await pickFromDropdown(page, "Project for incoming sync", "Beta");
      await frame.getByRole("button", { name: "Accept", exact: true }).click();
      const row = frame.getByRole("row", { name: /contoso_to_fabrikam/ });
      await row.waitFor();
      const cells = await row.innerText();
      expect(cells).toMatch(/fabrikam/);
      expect(cells).toMatch(/contoso/);
      expect(cells).toMatch(/Active/);
      await screenshot(page, "seed-10-fabrikam-accepted");
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "contoso: after the acceptance the connection is Active with the destination short name fabrikam",
    async () => {
      const page = await newTestPage(fixture.browser);
      const frame = hubFrame(page);
      await page.goto(fixture.test.env.organizations.contoso.hubPageUrl);
      expect(await waitForConnectionList(page)).toBe("table");
      const row = frame.getByRole("row", { name: /contoso_to_fabrikam/ });
      await row.waitFor();
      const cells = await row.innerText();
      expect(cells).toMatch(/Active/);
      expect(cells).not.toMatch(/unknown/);
      expect(cells).toMatch(/fabrikam/);
      await screenshot(page, "seed-11-contoso-active");
      await page.context().close();
    },
    FLOW_TIMEOUT_MS,
  );
});

async function next(page: Page): Promise<void> {
  await hubFrame(page).getByRole("button", { name: "Next" }).click();
}

async function expectText(page: Page, text: string | RegExp): Promise<void> {
  const locator = hubFrame(page).getByText(text).first();
  await locator.waitFor();
  expect(await locator.isVisible()).toBe(true);
}
