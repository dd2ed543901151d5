/**
 * The SDK handshake through the dev host, in a real browser with the built hub:
 * the host never answers (bounded wait, message, no request to the node; `SDK.init()` has no
 * timeout of its own: MicrosoftDocs/azure-devops-docs#13934), the legacy handshake shape
 * (microsoft/azure-devops-extension-sdk#103), and the current shape with exactly one
 * notifyLoadSucceeded.
 */
import type { Page } from "playwright-core";

import { describeInBrowser, newTestPage, screenshot } from "../helpers/browser";
import { useBrowserEnvironment } from "../helpers/dev-environment";
import { hubFrame } from "../helpers/hub-page";

/** Start-up budget: a stale hub is rebuilt (webpack, about a minute on slow machines). */
const SETUP_TIMEOUT_MS = 240_000;
/**
 * The hub gives up 10 s after its script starts (HANDSHAKE_TIMEOUT_MS); loading the page and
 * the hub bundle on a slow CI machine can add several seconds, so wait up to 30 s. This is a
 * bound for the test, not a timing assertion.
 */
const HANDSHAKE_GIVE_UP_MS = 30_000;

const hooks = (page: Page) => page.evaluate(() => window.__devhost);

describeInBrowser("dev host handshake", () => {
  const fixture = useBrowserEnvironment(SETUP_TIMEOUT_MS);

  it("when the host never answers, the hub says it could not reach Azure DevOps and calls no node", async () => {
    const page = await newTestPage(fixture.browser);
    const nodeOrigins = Object.values(fixture.test.env.organizations).flatMap((o) =>
      o.nodeUrl ? [o.nodeUrl] : [],
    );
    const nodeRequests: string[] = [];
    page.on("request", (request) => {
      if (nodeOrigins.some((origin) => request.url().startsWith(origin)))
        nodeRequests.push(request.url());
    });

    await page.goto(`${fixture.test.env.organizations.contoso.hubPageUrl}?handshake=none`);
    const message = hubFrame(page).getByText(/could not reach Azure DevOps/i);
    await message.waitFor({ timeout: HANDSHAKE_GIVE_UP_MS });
    await screenshot(page, "h1-no-handshake");

    await expectVisible(hubFrame(page).getByRole("button", { name: "Reload" }));
    const record = await hooks(page);
    expect(record.handshakes).toBe(1);
    expect(record.handshakeAnswered).toBe(false);
    expect(record.loadSucceeded).toBe(0);
    expect(nodeRequests).toEqual([]);
    await page.context().close();
  });

  it("with the legacy handshake shape the hub renders and shows the organization name", async () => {
    const page = await newTestPage(fixture.browser);
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(`${fixture.test.env.organizations.fabrikam.hubPageUrl}?handshake=legacy`);
    await hubFrame(page).getByRole("heading", { name: "Connections" }).waitFor();
    await expectVisible(hubFrame(page).getByText("fabrikam", { exact: false }).first());
    await screenshot(page, "h3-legacy-handshake");

    const record = await hooks(page);
    expect(record.handshakeAnswered).toBe(true);
    expect(record.loadSucceeded).toBe(1);
    expect(errors.filter((e) => /before init\(\) was complete/.test(e))).toEqual([]);
    await page.context().close();
  });

  it("current shape: the hub loads once and reports notifyLoadSucceeded exactly once", async () => {
    const page = await newTestPage(fixture.browser);
    await page.goto(fixture.test.env.organizations.contoso.hubPageUrl);
    await hubFrame(page).getByRole("heading", { name: "Connections" }).waitFor();
    await expectVisible(hubFrame(page).getByText("contoso", { exact: false }).first());
    // Give a second notification the chance to arrive before counting.
    await page.waitForFunction(() => window.__devhost.requests.length > 1);
    await screenshot(page, "handshake-current");

    const record = await hooks(page);
    expect(record.handshakeOptions).toEqual([
      expect.objectContaining({ loaded: false, applyTheme: true }),
    ]);
    expect(record.loadSucceeded).toBe(1);
    expect(record.loadFailed).toBe(0);
    await page.context().close();
  });
  it("signs in as Max Member with ?user=max: the node refuses a non-administrator and the hub says why", async () => {
    const page = await newTestPage(fixture.browser);
    await page.goto(`${fixture.test.env.organizations.contoso.hubPageUrl}?user=max`);
    await hubFrame(page).getByText("SYNC_ERR_AUTH_NOT_ADMIN").first().waitFor();
    await screenshot(page, "user-max-not-admin");
    const record = await hooks(page);
    expect(record.accessTokens).toBeGreaterThan(0);
    const avatar = await page.locator(".avatar").getAttribute("title");
    expect(avatar).toBe("Max Member");
    await page.context().close();
  });
});

async function expectVisible(locator: ReturnType<ReturnType<typeof hubFrame>["getByText"]>) {
  await locator.waitFor({ state: "visible" });
  expect(await locator.isVisible()).toBe(true);
}
