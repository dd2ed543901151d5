/**
 * Hub behaviour that needs a real browser and a real host page:
 * - dark theme: page, panel and dropdown follow the host variables, and themeChanged re-themes
 *   without reload (microsoft/azure-boards-estimate#323);
 * - azure-devops-ui styles are applied (microsoft/azure-devops-extension-sample#109);
 * - 200 connections with one scroll container (microsoft/azure-devops-extension-sample#184);
 * - the list renders by menu click, direct URL, reload, and leaving and re-entering
 *   (microsoft/azure-devops-extension-sdk#41).
 */
import type { Page } from "playwright-core";

import { describeInBrowser, newTestPage, screenshot } from "../helpers/browser";
import { type TestEnvironment, useBrowserEnvironment } from "../helpers/dev-environment";
import { headerCommand, hostRecord, hubFrame, waitForConnectionList } from "../helpers/hub-page";

/** Start-up budget: hub build when stale, two emulators, two sync node child processes. */
const SETUP_TIMEOUT_MS = 300_000;
/** One case, including page loads on a slow machine. */
const CASE_TIMEOUT_MS = 120_000;
/** Connections in the long list. */
const MANY_CONNECTIONS = 200;

describeInBrowser("hub in a real browser on the dev host", () => {
  const fixture = useBrowserEnvironment(SETUP_TIMEOUT_MS, async (env) => {
    await createConnections(env.test, MANY_CONNECTIONS);
  });

  it(
    "in the dark theme page, panel and dropdown follow the host variables, and themeChanged re-themes without reload",
    async () => {
      const page = await newTestPage(fixture.browser);
      await page.goto(`${fixture.test.env.organizations.fabrikam.hubPageUrl}?theme=dark`);
      await waitForConnectionList(page);
      await openProjectDropdown(page);
      await screenshot(page, "h4-dark-panel-dropdown");

      const dark = await themeProbe(page);
      expect(dark.body).toEqual(dark.expected.background);
      expect(dark.panel).toEqual(dark.expected.callout);
      expect(dark.dropdown).toEqual(dark.expected.callout);
      expect(luminance(dark.body)).toBeLessThan(0.1);
      expect(luminance(dark.panel)).toBeLessThan(0.1);
      expect(luminance(dark.text)).toBeGreaterThan(0.6);

      await hubFrame(page)
        .locator("body")
        .evaluate(() => {
          (window as unknown as { marker: number }).marker = 42;
        });
      await page.click("#theme-toggle");
      await hubFrame(page)
        .locator("body")
        .evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      await openProjectDropdown(page, { alreadyOnProjectStep: true });
      await screenshot(page, "h4-light-after-theme-changed");

      const light = await themeProbe(page);
      const marker = await hubFrame(page)
        .locator("body")
        .evaluate(() => (window as unknown as { marker?: number }).marker);
      expect(marker).toBe(42); // The frame was not reloaded.
      expect(light.body).toEqual("rgb(255, 255, 255)");
      expect(light.panel).toEqual(light.expected.callout);
      expect(light.dropdown).toEqual(light.expected.callout);
      expect(luminance(light.text)).toBeLessThan(0.2);
      await page.context().close();
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "an azure-devops-ui Button has the library's padding, radius and theme colours",
    async () => {
      const page = await newTestPage(fixture.browser);
      await page.goto(fixture.test.env.organizations.fabrikam.hubPageUrl);
      await waitForConnectionList(page);
      const button = hubFrame(page).locator(".bolt-button.primary").first();
      await button.waitFor();
      const style = await button.evaluate((element) => {
        const computed = getComputedStyle(element);
        const probe = document.createElement("div");
        probe.style.backgroundColor = "var(--communication-background)";
        document.body.append(probe);
        const expected = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return {
          paddingLeft: parseFloat(computed.paddingLeft),
          paddingTop: parseFloat(computed.paddingTop),
          radius: parseFloat(computed.borderTopLeftRadius),
          background: computed.backgroundColor,
          expected,
          fontWeight: computed.fontWeight,
        };
      });
      expect(style.paddingLeft).toBeGreaterThanOrEqual(8);
      expect(style.paddingTop).toBeGreaterThan(0);
      expect(style.radius).toBeGreaterThan(0);
      expect(style.background).toBe(style.expected);
      expect(style.background).not.toBe("rgba(0, 0, 0, 0)");
      expect(Number(style.fontWeight)).toBeGreaterThanOrEqual(600);
      await page.context().close();
    },
    CASE_TIMEOUT_MS,
  );

  it(
    `with ${MANY_CONNECTIONS} connections there is one scroll container and the body does not scroll`,
    async () => {
      const page = await newTestPage(fixture.browser);
      await page.goto(fixture.test.env.organizations.contoso.hubPageUrl);
      expect(await waitForConnectionList(page)).toBe("table");
      await screenshot(page, "h6-many-connections");
      const scrolling = await hubFrame(page)
        .locator("body")
        .evaluate(() => {
          const containers = [...document.querySelectorAll<HTMLElement>("*")].filter((element) => {
            const overflow = getComputedStyle(element).overflowY;
            return (
              (overflow === "auto" || overflow === "scroll") &&
              element.scrollHeight > element.clientHeight + 1
            );
          });
          const root = document.scrollingElement ?? document.documentElement;
          const container = containers[0];
          container?.scrollTo({ top: container.scrollHeight });
          return {
            containers: containers.length,
            bodyScrolls: root.scrollHeight > root.clientHeight + 1,
            scrolledTo: container?.scrollTop ?? 0,
          };
        });
      const hostScrolls = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return root.scrollHeight > root.clientHeight + 1;
      });
      expect(scrolling.containers).toBe(1);
      expect(scrolling.bodyScrolls).toBe(false);
      expect(scrolling.scrolledTo).toBeGreaterThan(0);
      expect(hostScrolls).toBe(false);
      await screenshot(page, "h6-scrolled-to-end");
      await page.context().close();
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "the list renders by menu click, direct URL, reload, and leaving and re-entering",
    async () => {
      const page = await newTestPage(fixture.browser);
      const { hostUrl } = fixture.test.env;
      const exalate = () => page.getByRole("link", { name: "Exalate", exact: true }).click();
      const expectList = async (how: string) => {
        expect(await waitForConnectionList(page)).toBe("table");
        const record = await hostRecord(page);
        expect({ how, handshakes: record.handshakes, loaded: record.loadSucceeded }).toEqual({
          how,
          handshakes: 1,
          loaded: 1,
        });
      };

      await page.goto(`${hostUrl}/contoso/_settings/organizationOverview`);
      await exalate();
      await expectList("menu click");

      await page.goto(fixture.test.env.organizations.contoso.hubPageUrl);
      await expectList("direct URL");

      await page.reload();
      await expectList("reload");

      await page.getByRole("link", { name: "Overview", exact: true }).click();
      await page.getByRole("heading", { name: "Overview" }).waitFor();
      await exalate();
      await expectList("leave and re-enter");
      await page.goBack();
      await page.goForward();
      await expectList("back and forward");
      await screenshot(page, "h8-list-after-re-entering");
      await page.context().close();
    },
    CASE_TIMEOUT_MS,
  );
});

/** Opens the Initiate connection wizard, walks to the Project step and opens its dropdown. */
async function openProjectDropdown(page: Page, options = { alreadyOnProjectStep: false }) {
  const frame = hubFrame(page);
  if (!options.alreadyOnProjectStep) {
    await headerCommand(page, "Initiate connection");
    await frame.getByRole("checkbox", { name: "I don't have a URL" }).click();
    await frame.getByRole("button", { name: "Next" }).click();
    await frame.getByRole("radio", { name: "Basic" }).click();
    await frame.getByRole("button", { name: "Next" }).click();
    await frame.getByRole("textbox", { name: "Local instance short name" }).fill("fabrikam");
    await frame.getByRole("textbox", { name: "Destination instance short name" }).fill("partner");
    await frame.getByRole("button", { name: "Next" }).click();
    await frame.getByRole("button", { name: "Next" }).click();
  }
  await frame.getByRole("button", { name: /Project for incoming sync/ }).click();
  await frame.getByRole("option").first().waitFor();
}

/** Computed colours of the hub's body, panel, dropdown and text, with the host's values. */
async function themeProbe(page: Page) {
  return hubFrame(page)
    .locator("body")
    .evaluate(() => {
      const resolve = (variable: string) => {
        const probe = document.createElement("div");
        probe.style.backgroundColor = `var(${variable})`;
        document.body.append(probe);
        const value = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return value;
      };
      const background = (selector: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).backgroundColor : "missing";
      };
      return {
        expected: {
          background: resolve("--background-color"),
          callout: resolve("--callout-background-color"),
        },
        body: getComputedStyle(document.body).backgroundColor,
        panel: background(".bolt-panel-callout-content"),
        dropdown: background(
          ".bolt-dropdown .bolt-callout-content, .bolt-dropdown.bolt-callout-content, .bolt-callout-content:not(.bolt-panel-callout-content)",
        ),
        text: getComputedStyle(document.body).color,
      };
    });
}

/** Relative luminance (0 black .. 1 white) of an `rgb(...)`/`rgba(...)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map(Number);
  const channel = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Creates `count` Pending connections on contoso's node through its hub API. */
async function createConnections(test: TestEnvironment, count: number): Promise<void> {
  const org = test.env.organizations.contoso;
  const token = async (kind: "app-token" | "access-token") => {
    const response = await fetch(`${test.env.hostUrl}/_devhost/api/contoso/${kind}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "ada" }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const [appToken, accessToken] = await Promise.all([token("app-token"), token("access-token")]);
  const projects = (await (
    await fetch(`${org.emulatorUrl}/_apis/projects?api-version=7.1`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
  ).json()) as { value: Array<{ id: string; name: string }> };
  const project = projects.value[0];
  for (let i = 1; i <= count; i++) {
    const response = await fetch(`${org.nodeUrl}/api/v1/connections`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${appToken}`,
        "x-azdo-access-token": accessToken,
        "content-type": "application/json",
        origin: test.env.hubOrigin,
      },
      body: JSON.stringify({
        destinationUrl: null,
        mode: "basic",
        localShortName: "contoso",
        remoteShortName: `partner${String(i).padStart(3, "0")}`,
        incomingProject: { id: project.id, name: project.name },
      }),
    });
    if (!response.ok)
      throw new Error(
        `Creating connection ${i} failed: ${response.status} ${await response.text()}`,
      );
  }
}
