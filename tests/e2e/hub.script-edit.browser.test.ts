/**
 * Script editing in Chromium on the dev host: an administrator of fabrikam edits the incoming
 * script of an Active connection contoso -> fabrikam in the hub's Rules tab (CodeMirror). A script
 * that does not parse is refused with its line and column shown inline; a script prefixing the
 * title is saved and applies to the next work item from contoso; a script that throws at run time
 * leaves an error with its script line in the Errors tab; after fixing the script, Retry applies
 * the work item and the errors list empties. The connection and contoso's Task trigger are made
 * over the node API the hub uses. Screenshots go to test-artifacts/script-*.png.
 */
import type { Page } from "playwright-core";

import type { ConnectionScripts } from "../../src/shared/contracts";
import { routePath, ROUTES } from "../../src/shared/contracts/routes";
import { describeInBrowser, newTestPage, screenshot } from "../helpers/browser";
import { useBrowserEnvironment } from "../helpers/dev-environment";
import {
  hostRecord,
  hubFrame,
  isFullyVisible,
  openEditConnection,
  replaceScript,
  waitForConnectionList,
} from "../helpers/hub-page";
import {
  addTrigger,
  type AdoWorkItem,
  connectContosoToFabrikam,
  eventually,
  organizationApi,
} from "../helpers/product-api";

/** Start-up budget: hub build when stale, two emulators, two sync node child processes. */
const SETUP_TIMEOUT_MS = 300_000;
/** One step: editing in the hub and a change crossing over, on a slow machine. */
const STEP_TIMEOUT_MS = 180_000;

const CONNECTION_NAME = "contoso_to_fabrikam";
/** The line of the default incoming script this test changes. */
const SUMMARY_LINE = "workItem.summary = replica.summary;";
const PREFIX_LINE = 'workItem.summary = "[contoso] " + replica.summary;';

describeInBrowser("hub: edit the incoming script of a connection (fabrikam)", () => {
  let page: Page;
  let connectionId = "";
  let defaults: ConnectionScripts;

  const fixture = useBrowserEnvironment(SETUP_TIMEOUT_MS, async (env) => {
    connectionId = await connectContosoToFabrikam(env.test.env);
    await addTrigger(env.test.env, "contoso", connectionId, "Task");
    defaults = await savedScripts();
    page = await newTestPage(env.browser);
  });

  const fabrikam = () => organizationApi(fixture.test.env, "fabrikam");
  const contoso = () => organizationApi(fixture.test.env, "contoso");
  const savedScripts = () =>
    fabrikam().node<ConnectionScripts>(
      "GET",
      routePath(ROUTES.connectionScripts, { id: connectionId }),
    );
  /** The default incoming script with its summary line replaced by `lines`. */
  const incomingWith = (...lines: string[]) => {
    expect(defaults.incoming).toContain(SUMMARY_LINE);
    return defaults.incoming.replace(SUMMARY_LINE, lines.join("\n"));
  };
  /** 1-based line of `text` in `script`. */
  const lineOf = (script: string, text: string) =>
    script.split("\n").findIndex((line) => line.includes(text)) + 1;
  const prefixScript = () => incomingWith(PREFIX_LINE);
  const createTask = (title: string) =>
    contoso().ado<AdoWorkItem>("POST", "Alpha/_apis/wit/workitems/$Task?api-version=7.1", [
      { op: "add", path: "/fields/System.Title", value: title },
    ]);
  const frame = () => hubFrame(page);
  const save = () => frame().getByRole("button", { name: "Save", exact: true }).click();
  const openTab = (name: "Rules" | "Errors" | "Statistics") =>
    frame().getByRole("tab", { name }).click();

  it(
    "a script with a syntax error is refused, with its line and column shown inline",
    async () => {
      await page.goto(fixture.test.env.organizations.fabrikam.hubPageUrl);
      expect(await waitForConnectionList(page)).toBe("table");
      await openEditConnection(page, CONNECTION_NAME);
      await frame().getByRole("textbox", { name: "Incoming script" }).waitFor();
      // Long script lines scroll inside the editors: neither editor is cut off by the panel.
      for (const label of ["Outgoing script", "Incoming script"])
        expect(await isFullyVisible(frame().getByTestId(`editor-${label}`), "x")).toBe(true);
      await screenshot(page, "script-01-rules-tab");

      const broken = incomingWith('workItem.summary = "[contoso] " + ;');
      const line = lineOf(broken, '"[contoso] " + ;');
      await replaceScript(page, "Incoming script", broken);
      await save();
      const alert = frame().getByRole("alert").filter({ hasText: "SYNC_ERR_SCRIPT_SYNTAX" });
      await alert.waitFor();
      // The cursor jumps to the error in the editor; the message stays in view beside it.
      expect(await isFullyVisible(alert)).toBe(true);
      expect(await alert.innerText()).toMatch(
        new RegExp(`^Incoming script, line ${line}, column \\d+: `),
      );
      await screenshot(page, "script-02-syntax-error");
      expect((await savedScripts()).incoming).toBe(defaults.incoming);

      // Leaving with the unsaved text asks in a dialog above the panel; Escape keeps editing.
      await frame().getByRole("tab", { name: "Triggers" }).click();
      const ask = frame().getByRole("dialog", { name: /unsaved changes/i });
      await ask.waitFor();
      const keep = ask.getByRole("button", { name: "Keep editing" });
      expect(await isFullyVisible(keep)).toBe(true);
      expect(await keep.evaluate((button) => button === document.activeElement)).toBe(true);
      await screenshot(page, "script-02b-unsaved-changes");
      await page.keyboard.press("Escape");
      await ask.waitFor({ state: "detached" });
      expect(await frame().getByRole("tab", { name: "Rules" }).getAttribute("aria-selected")).toBe(
        "true",
      );
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "a script prefixing the title is saved and applies to the next work item from contoso",
    async () => {
      await replaceScript(page, "Incoming script", prefixScript());
      await save();
      await eventually("the hub confirms the save", async () =>
        (await hostRecord(page)).toasts.includes("Scripts saved.") ? true : undefined,
      );
      expect(await frame().getByRole("alert").count()).toBe(0);
      expect((await savedScripts()).incoming).toContain(PREFIX_LINE);
      await screenshot(page, "script-03-prefix-saved");

      await createTask("Coffee machine leaks");
      const twin = await eventually("the prefixed twin on fabrikam", () =>
        fabrikam().findByTitle("[contoso] Coffee machine leaks"),
      );
      expect(twin.fields["System.WorkItemType"]).toBe("Task");
      const boards = await newTestPage(fixture.browser);
      await boards.goto(fixture.test.env.organizations.fabrikam.boardsUrl);
      await boards.getByRole("link", { name: "[contoso] Coffee machine leaks" }).waitFor();
      await screenshot(boards, "script-04-fabrikam-prefixed-title");
      await boards.context().close();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "a script that throws at run time leaves an error with its script line in the Errors tab",
    async () => {
      const throwing = incomingWith(
        'if (replica.summary.indexOf("boom") >= 0) throw new Error("boom in the title");',
        PREFIX_LINE,
      );
      const line = lineOf(throwing, 'throw new Error("boom');
      await replaceScript(page, "Incoming script", throwing);
      await save();
      await eventually("the node stores the throwing script", async () =>
        (await savedScripts()).incoming === throwing ? true : undefined,
      );

      const source = await createTask("Printer goes boom");
      await openTab("Errors");
      const row = frame()
        .getByRole("listitem")
        .filter({ hasText: `Partner work item ${source.id}` });
      await eventually("the error in the Errors tab", async () => {
        if ((await row.count()) > 0) return true;
        await frame().getByRole("button", { name: "Refresh" }).click();
        await frame()
          .getByRole("list", { name: "Sync errors" })
          .or(frame().getByText("No sync errors."))
          .waitFor();
        return (await row.count()) > 0 ? true : undefined;
      });
      const text = await row.innerText();
      expect(text).toMatch(/boom in the title/);
      expect(text).toContain(`incoming script failed at line ${line}`);
      expect(text.match(new RegExp(`line ${line}\\b`, "g"))).toHaveLength(1);
      expect(text).toMatch(/SYNC_ERR_SCRIPT_RUNTIME/);
      await screenshot(page, "script-05-runtime-error");
      expect(await fabrikam().findByTitle("[contoso] Printer goes boom")).toBeUndefined();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "after fixing the script, Retry applies the work item and the errors list empties",
    async () => {
      await openTab("Rules");
      await frame().getByRole("textbox", { name: "Incoming script" }).waitFor();
      await replaceScript(page, "Incoming script", prefixScript());
      await save();
      await eventually("the node stores the fixed script", async () =>
        (await savedScripts()).incoming === prefixScript() ? true : undefined,
      );
      await screenshot(page, "script-06-fixed");

      await openTab("Errors");
      await frame()
        .getByRole("button", { name: /^Retry Partner work item \d+$/ })
        .click();
      await frame()
        .getByText(/^Retried 1 of 1/)
        .waitFor();
      await screenshot(page, "script-07-retried");
      await eventually("the retried work item on fabrikam", () =>
        fabrikam().findByTitle("[contoso] Printer goes boom"),
      );
      await eventually("an empty errors list", async () => {
        await openTab("Statistics");
        await openTab("Errors");
        const empty = frame().getByText("No sync errors.");
        await empty.or(frame().getByRole("list", { name: "Sync errors" })).waitFor();
        return (await empty.count()) > 0 ? true : undefined;
      });
      await screenshot(page, "script-08-no-errors");
    },
    STEP_TIMEOUT_MS,
  );
});
