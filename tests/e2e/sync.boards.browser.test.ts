/**
 * Two-way sync (docs/architecture.md#flow-of-one-change) as a person sees it on the dev host: with
 * an Active private connection contoso -> fabrikam and a Task trigger on both sides, a Task created
 * on contoso's Boards page appears on fabrikam's; edits of its title, tags, description and a
 * comment on contoso follow; a title edit and a comment on fabrikam flow back to contoso; and
 * afterwards neither side's revision moves (no echo). State is not edited: the default incoming
 * script does not apply it. The connection is made over the node API the hub uses (the seed-flow
 * test walks the hub wizard for it). Screenshots go to test-artifacts/boards-*.png.
 */
import type { Page } from "playwright-core";

import { describeInBrowser, newTestPage, screenshot } from "../helpers/browser";
import { useBrowserEnvironment } from "../helpers/dev-environment";
import {
  addTrigger,
  connectContosoToFabrikam,
  eventually,
  organizationApi,
} from "../helpers/product-api";

/** Start-up budget: hub build when stale, two emulators, two sync node child processes. */
const SETUP_TIMEOUT_MS = 300_000;
/** One step: a change crossing over (change detection every 5 s, long poll) on a slow machine. */
const STEP_TIMEOUT_MS = 180_000;
/** Change detection interval of the sync nodes (sync-engine.ts); the no-echo watch spans three. */
const POLL_INTERVAL_MS = 5_000;

describeInBrowser("sync on the Boards pages: contoso <-> fabrikam", () => {
  let contosoPage: Page;
  let fabrikamPage: Page;
  /** The work item on contoso, its twin on fabrikam. */
  let contosoId = 0;
  let fabrikamId = 0;
  /** fabrikam's revision right after the person's edit there. */
  let fabrikamRevAfterEdit = 0;

  const fixture = useBrowserEnvironment(SETUP_TIMEOUT_MS, async (env) => {
    const id = await connectContosoToFabrikam(env.test.env);
    await addTrigger(env.test.env, "contoso", id, "Task");
    await addTrigger(env.test.env, "fabrikam", id, "Task");
    contosoPage = await newTestPage(env.browser);
    fabrikamPage = await newTestPage(env.browser);
  });

  const itemUrl = (org: "contoso" | "fabrikam", id: number) =>
    `${fixture.test.env.organizations[org].boardsUrl}/${id}`;

  it(
    "a Task created on the contoso Boards page appears on the fabrikam Boards page",
    async () => {
      await contosoPage.goto(fixture.test.env.organizations.contoso.boardsUrl);
      await contosoPage.getByLabel("Type").selectOption("Task");
      await contosoPage.getByLabel("Title").fill("Printer on fire");
      await contosoPage.getByLabel("Description").fill("<p>Third floor</p>");
      await contosoPage.getByLabel("Tags").fill("printer");
      await screenshot(contosoPage, "boards-01-contoso-new-task");
      await contosoPage.getByRole("button", { name: "Create" }).click();
      await contosoPage.waitForURL(/\/_boards\/\d+$/);
      contosoId = Number(contosoPage.url().split("/").pop());
      await expect(heading(contosoPage)).resolves.toBe(`Task ${contosoId}: Printer on fire`);
      await screenshot(contosoPage, "boards-02-contoso-created");

      const list = fixture.test.env.organizations.fabrikam.boardsUrl;
      const link = fabrikamPage.getByRole("link", { name: "Printer on fire", exact: true });
      await reloadUntil(fabrikamPage, list, async () => (await link.count()) > 0);
      await screenshot(fabrikamPage, "boards-03-fabrikam-list");
      await link.click();
      await fabrikamPage.waitForURL(/\/_boards\/\d+$/);
      fabrikamId = Number(fabrikamPage.url().split("/").pop());
      await expect(heading(fabrikamPage)).resolves.toBe(`Task ${fabrikamId}: Printer on fire`);
      // The twin also carries the sync's create marker tag (xsync:..., sync-marker.ts).
      expect(tagsOf(await fabrikamPage.getByLabel("Tags").inputValue())).toContain("printer");
      expect(await fabrikamPage.getByLabel("Description (HTML)").inputValue()).toContain(
        "Third floor",
      );
      await screenshot(fabrikamPage, "boards-04-fabrikam-twin");
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "title, tags, description and a comment edited on contoso reach the twin on fabrikam",
    async () => {
      expect(fabrikamId).toBeGreaterThan(0);
      await contosoPage.goto(itemUrl("contoso", contosoId));
      await contosoPage.getByLabel("Title").fill("Printer on fire, again");
      await contosoPage.getByLabel("Tags").fill("printer; urgent");
      await contosoPage.getByLabel("Description (HTML)").fill("<p>Third floor, room 301</p>");
      await contosoPage.getByRole("button", { name: "Save" }).click();
      await contosoPage.getByRole("heading", { name: /Printer on fire, again/ }).waitFor();
      await contosoPage.getByLabel("Add a comment").fill("Called facilities");
      await contosoPage.getByRole("button", { name: "Comment" }).click();
      await contosoPage.getByText("Called facilities", { exact: true }).waitFor();
      await screenshot(contosoPage, "boards-05-contoso-edited");

      // The synced copy starts with "<author> wrote:" (the default incoming script).
      const comment = fabrikamPage.locator(".comment", { hasText: "Called facilities" });
      await reloadUntil(
        fabrikamPage,
        itemUrl("fabrikam", fabrikamId),
        async () =>
          (await heading(fabrikamPage)).endsWith("Printer on fire, again") &&
          (await comment.count()) > 0,
      );
      expect(tagsOf(await fabrikamPage.getByLabel("Tags").inputValue())).toEqual(
        expect.arrayContaining(["printer", "urgent"]),
      );
      expect(await fabrikamPage.getByLabel("Description (HTML)").inputValue()).toContain(
        "room 301",
      );
      await screenshot(fabrikamPage, "boards-06-fabrikam-updated");
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "a title edit and a comment on fabrikam flow back to contoso",
    async () => {
      expect(fabrikamId).toBeGreaterThan(0);
      await fabrikamPage.goto(itemUrl("fabrikam", fabrikamId));
      await fabrikamPage.getByLabel("Title").fill("Printer fixed");
      await fabrikamPage.getByRole("button", { name: "Save" }).click();
      await fabrikamPage.getByRole("heading", { name: /Printer fixed/ }).waitFor();
      await fabrikamPage.getByLabel("Add a comment").fill("Fixed: new fuser");
      await fabrikamPage.getByRole("button", { name: "Comment" }).click();
      await fabrikamPage.getByText("Fixed: new fuser", { exact: true }).waitFor();
      const revision = /Revision (\d+)/.exec(await fabrikamPage.locator("body").innerText());
      fabrikamRevAfterEdit = Number(revision?.[1]);
      expect(fabrikamRevAfterEdit).toBeGreaterThan(0);
      await screenshot(fabrikamPage, "boards-07-fabrikam-edited");

      const reply = contosoPage.locator(".comment", { hasText: "Fixed: new fuser" });
      await reloadUntil(
        contosoPage,
        itemUrl("contoso", contosoId),
        async () =>
          (await heading(contosoPage)).endsWith("Printer fixed") && (await reply.count()) > 0,
      );
      // Each comment once on each side: the synced copy of contoso's comment did not come back.
      expect(await contosoPage.locator(".comment", { hasText: "Called facilities" }).count()).toBe(
        1,
      );
      expect(await reply.innerText()).toContain("Ada Admin wrote:");
      expect(await reply.count()).toBe(1);
      await screenshot(contosoPage, "boards-08-contoso-updated");
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "afterwards the revisions settle on both sides: the sync's own writes are not sent back",
    async () => {
      expect(fabrikamRevAfterEdit).toBeGreaterThan(0);
      const contoso = organizationApi(fixture.test.env, "contoso");
      const fabrikam = organizationApi(fixture.test.env, "fabrikam");
      const revs = async () =>
        [
          (await contoso.workItem(contosoId)).rev,
          (await fabrikam.workItem(fabrikamId)).rev,
        ] as const;
      const settledFrom = await revs();
      for (let round = 1; round <= 3; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
        expect(await revs()).toEqual(settledFrom);
      }
      // Nothing was written on fabrikam after the person's changes there: no echo.
      expect(settledFrom[1]).toBe(fabrikamRevAfterEdit);
      expect((await fabrikam.workItem(fabrikamId)).fields["System.Title"]).toBe("Printer fixed");
      await contosoPage.reload();
      expect(await contosoPage.locator("body").innerText()).toContain(`Revision ${settledFrom[0]}`);
      await screenshot(contosoPage, "boards-09-contoso-settled");
    },
    STEP_TIMEOUT_MS,
  );
});

/** The work item page's heading ("Task 12: Title"). */
async function heading(page: Page): Promise<string> {
  return (await page.getByRole("heading", { level: 1 }).innerText()).trim();
}

/** Tags of a System.Tags value ("a; b"). */
function tagsOf(value: string): string[] {
  return value.split(";").map((tag) => tag.trim());
}

/** Loads `url` until `done` holds (a person pressing F5 while the sync catches up). */
async function reloadUntil(page: Page, url: string, done: () => Promise<boolean>): Promise<void> {
  await eventually(`${url} shows the change`, async () => {
    await page.goto(url);
    return (await done()) ? true : undefined;
  });
}
