import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";

import {
  BOGUS_FIELD_MESSAGE,
  connection,
  errorAnswer,
  type FakeBackend,
  trigger,
} from "../../../helpers/fake-node";
import { installRangeGeometry } from "../../helpers/codemirror-jsdom";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";
import { sdkMock } from "../../helpers/sdk-mock";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

// The panel opens on Rules, whose script editors measure text ranges.
beforeAll(installRangeGeometry);
const TRIGGERS = "/api/v1/connections/c-1/triggers";

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(connection({ id: "c-1", name: "to_fabrikam", mode: "basic" }));
  backend.settings.triggers.set("c-1", [
    trigger({ id: "t-1", workItemType: "Bug" }),
    trigger({ id: "t-2", workItemType: "Task", where: "", active: false, watermark: null }),
  ]);
});

afterEach(restoreParent);

async function openTriggers(): Promise<void> {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("button", { name: "to_fabrikam" }));
  fireEvent.click(await screen.findByRole("tab", { name: "Triggers" }, { timeout: 5000 }));
}

/** The list item of one trigger, once the list is shown. */
async function item(type: string): Promise<HTMLElement> {
  const list = await screen.findByRole("list", { name: "Triggers" });
  return within(list).getByRole("listitem", { name: `${type} trigger` });
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: "input, textarea" }) as HTMLInputElement;
}

function type(label: string, value: string): void {
  fireEvent.change(field(label), { target: { value } });
}

function requestsTo(method: string, path: string) {
  return backend.requests.filter((r) => r.method === method && r.url === `http://node.test${path}`);
}

test("the tabs are Rules, Test run, Triggers, Errors, Statistics", async () => {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("button", { name: "to_fabrikam" }));
  await screen.findByRole("tab", { name: "Rules" }, { timeout: 5000 });
  expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual([
    "Rules",
    "Test run",
    "Triggers",
    "Errors",
    "Statistics",
  ]);
});

test("shows a spinner while loading, then each trigger with clause, status and watermark", async () => {
  let release = () => undefined as void;
  backend.gates.set(`GET ${TRIGGERS}`, new Promise<void>((resolve) => (release = resolve)));
  await openTriggers();
  expect(await screen.findByText("Loading triggers...")).toBeTruthy();
  act(() => release());
  const bug = await item("Bug");
  expect(within(bug).getByText("[System.State] <> 'Closed'").tagName).toBe("CODE");
  expect(bug.textContent).toContain("Active");
  expect(bug.textContent).toContain("Last change picked up:");
  expect(bug.textContent).not.toContain("Not polled yet");
  const task = await item("Task");
  expect(task.textContent).toContain("Inactive");
  expect(task.textContent).toContain("Every work item of this type");
  expect(task.textContent).toContain("Not polled yet");
});

test("a failed load shows the code, and Retry loads the triggers", async () => {
  backend.failures.set(`GET ${TRIGGERS}`, errorAnswer("SYNC_ERR_INTERNAL"));
  await openTriggers();
  expect(await screen.findByText("(SYNC_ERR_INTERNAL)")).toBeTruthy();
  backend.failures.clear();
  fireEvent.click(screen.getByRole("button", { name: "Retry" }));
  expect(await item("Bug")).toBeTruthy();
});

test("with no triggers it explains them and offers Add trigger", async () => {
  backend.settings.triggers.clear();
  await openTriggers();
  expect(await screen.findByText("This connection has no triggers yet.")).toBeTruthy();
  expect(
    screen.getByText(/Only work items that match an active trigger are synchronized/),
  ).toBeTruthy();
  expect(screen.queryByRole("list", { name: "Triggers" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Add trigger" }));
  expect(screen.getByRole("region", { name: "New trigger" })).toBeTruthy();
  expect(field("WHERE clause (WIQL)").placeholder).toBe("[System.State] <> 'Closed'");
});

test("Add trigger POSTs the form (Active by default) and lists the new trigger", async () => {
  await openTriggers();
  await item("Bug");
  fireEvent.click(screen.getByRole("button", { name: "Add trigger" }));
  type("Work item type", " User Story ");
  type("WHERE clause (WIQL)", "[System.AreaPath] UNDER 'Alpha'");
  fireEvent.click(
    within(screen.getByRole("region", { name: "New trigger" })).getByRole("button", {
      name: "Add trigger",
    }),
  );
  expect(await item("User Story")).toBeTruthy();
  expect(requestsTo("POST", TRIGGERS)[0].body).toEqual({
    workItemType: "User Story",
    where: "[System.AreaPath] UNDER 'Alpha'",
    active: true,
  });
  expect(screen.queryByRole("region", { name: "New trigger" })).toBeNull();
  expect(sdkMock.control.toasts).toContain("User Story trigger added.");
});

test("a type is required before anything is sent", async () => {
  await openTriggers();
  await item("Bug");
  fireEvent.click(screen.getByRole("button", { name: "Add trigger" }));
  fireEvent.click(
    within(screen.getByRole("region", { name: "New trigger" })).getByRole("button", {
      name: "Add trigger",
    }),
  );
  expect(screen.getByText("Enter a work item type, for example Bug.")).toBeTruthy();
  expect(requestsTo("POST", TRIGGERS)).toHaveLength(0);
});

test("a WIQL error is shown at the form with its code, and what was typed stays", async () => {
  await openTriggers();
  await item("Bug");
  fireEvent.click(screen.getByRole("button", { name: "Add trigger" }));
  type("Work item type", "Bug");
  type("WHERE clause (WIQL)", "[Bogus.Field] = 1");
  fireEvent.click(screen.getByRole("checkbox", { name: "Active" }));
  const form = screen.getByRole("region", { name: "New trigger" });
  fireEvent.click(within(form).getByRole("button", { name: "Add trigger" }));
  const message = await within(form).findByText(
    `${BOGUS_FIELD_MESSAGE} (SYNC_ERR_TRIGGER_INVALID)`,
  );
  expect(message.getAttribute("role")).toBe("alert");
  expect(field("Work item type").value).toBe("Bug");
  expect(field("WHERE clause (WIQL)").value).toBe("[Bogus.Field] = 1");
  expect(screen.getByRole("checkbox", { name: "Active" }).getAttribute("aria-checked")).toBe(
    "false",
  );
  expect(backend.settings.triggers.get("c-1")).toHaveLength(2);
});

test("Edit PUTs the changed trigger and shows it; a refused edit keeps the text", async () => {
  await openTriggers();
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Edit Bug trigger" }));
  const form = screen.getByRole("region", { name: "Edit Bug trigger" });
  expect(field("WHERE clause (WIQL)").value).toBe("[System.State] <> 'Closed'");
  type("WHERE clause (WIQL)", "[Bogus.Priority] = 1");
  fireEvent.click(within(form).getByRole("button", { name: "Save" }));
  expect(await within(form).findByText(/Bogus\.Field.*\(SYNC_ERR_TRIGGER_INVALID\)$/)).toBeTruthy();
  expect(field("WHERE clause (WIQL)").value).toBe("[Bogus.Priority] = 1");
  type("WHERE clause (WIQL)", "[System.State] = 'Active'");
  fireEvent.click(within(form).getByRole("button", { name: "Save" }));
  const bug = await waitFor(() => item("Bug"));
  await waitFor(() => expect(bug.textContent).toContain("[System.State] = 'Active'"));
  const puts = requestsTo("PUT", `${TRIGGERS}/t-1`);
  expect(puts[puts.length - 1].body).toEqual({
    workItemType: "Bug",
    where: "[System.State] = 'Active'",
    active: true,
  });
});

test("a save refused for another reason shows a card with the code, and the text stays", async () => {
  backend.failures.set(`POST ${TRIGGERS}`, errorAnswer("SYNC_ERR_CREDENTIAL_MISSING"));
  await openTriggers();
  await item("Bug");
  fireEvent.click(screen.getByRole("button", { name: "Add trigger" }));
  type("Work item type", "Epic");
  const form = screen.getByRole("region", { name: "New trigger" });
  fireEvent.click(within(form).getByRole("button", { name: "Add trigger" }));
  expect(await within(form).findByText("(SYNC_ERR_CREDENTIAL_MISSING)")).toBeTruthy();
  expect(field("Work item type").value).toBe("Epic");
});

test("Deactivate and Activate switch the status through the node", async () => {
  await openTriggers();
  fireEvent.click(
    within(await item("Bug")).getByRole("button", { name: "Deactivate Bug trigger" }),
  );
  await waitFor(async () => expect((await item("Bug")).textContent).toContain("Inactive"));
  expect(requestsTo("POST", `${TRIGGERS}/t-1/deactivate`)).toHaveLength(1);
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Activate Bug trigger" }));
  await waitFor(async () => expect((await item("Bug")).textContent).not.toContain("Inactive"));
  expect(requestsTo("POST", `${TRIGGERS}/t-1/activate`)).toHaveLength(1);
});

test("a failed activation shows the code on the trigger", async () => {
  backend.failures.set(`POST ${TRIGGERS}/t-2/activate`, errorAnswer("SYNC_ERR_TRIGGER_NOT_FOUND"));
  await openTriggers();
  fireEvent.click(
    within(await item("Task")).getByRole("button", { name: "Activate Task trigger" }),
  );
  const alert = await within(await item("Task")).findByRole("alert");
  expect(alert.textContent).toContain("SYNC_ERR_TRIGGER_NOT_FOUND");
  expect((await item("Task")).textContent).toContain("Inactive");
});

test("Delete asks first; Keep it sends nothing, Delete trigger removes it", async () => {
  await openTriggers();
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Delete Bug trigger" }));
  const question = within(await item("Bug")).getByRole("alert");
  expect(question.textContent).toContain("Delete the Bug trigger?");
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Keep it" }));
  expect(within(await item("Bug")).queryByRole("alert")).toBeNull();
  expect(requestsTo("DELETE", `${TRIGGERS}/t-1`)).toHaveLength(0);

  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Delete Bug trigger" }));
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Delete trigger" }));
  await waitFor(() =>
    expect(
      within(screen.getByRole("list", { name: "Triggers" })).getAllByRole("listitem"),
    ).toHaveLength(1),
  );
  expect(requestsTo("DELETE", `${TRIGGERS}/t-1`)).toHaveLength(1);
  expect(backend.settings.triggers.get("c-1")?.map((t) => t.id)).toEqual(["t-2"]);
});

test("Bulk sync shows progress while running, then the summary", async () => {
  backend.settings.bulkSyncSteps = [
    { total: 3, processed: 1, sent: 1 },
    { state: "done", total: 3, processed: 3, sent: 2, skipped: 1 },
  ];
  let release = () => undefined as void;
  backend.gates.set(
    "GET /api/v1/connections/c-1/bulk-sync/job-1",
    new Promise<void>((resolve) => (release = resolve)),
  );
  await openTriggers();
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Bulk sync Bug trigger" }));
  const bar = await screen.findByRole("progressbar", { name: "Bulk sync progress of Bug trigger" });
  expect(bar.getAttribute("aria-valuenow")).toBe("1");
  expect(bar.getAttribute("aria-valuemax")).toBe("3");
  expect((await item("Bug")).textContent).toContain("Bulk sync: 1 of 3 work items");
  const button = within(await item("Bug")).getByRole("button", { name: "Bulk sync Bug trigger" });
  expect(button.getAttribute("aria-disabled")).toBe("true");
  act(() => release());
  expect(
    await screen.findByText(
      "Bulk sync finished: 2 sent, 1 skipped, 0 failed.",
      {},
      { timeout: 5000 },
    ),
  ).toBeTruthy();
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(requestsTo("POST", `${TRIGGERS}/t-1/bulk-sync`)).toHaveLength(1);
});

test("a bulk sync with failures points to the Errors tab", async () => {
  backend.settings.bulkSyncSteps = [
    { total: 2 },
    { state: "done", total: 2, processed: 2, sent: 1, failed: 1 },
  ];
  await openTriggers();
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Bulk sync Bug trigger" }));
  const summary = await screen.findByText(/1 sent, 0 skipped, 1 failed/, {}, { timeout: 5000 });
  expect(summary.textContent).toContain("listed under Errors");
  fireEvent.click(screen.getByRole("button", { name: "Open the Errors tab" }));
  expect(await screen.findByText("No sync errors.")).toBeTruthy();
  expect(screen.getByRole("tab", { name: "Errors" }).getAttribute("aria-selected")).toBe("true");
});

test("an interrupted bulk sync says so and can be started again", async () => {
  backend.settings.bulkSyncSteps = [
    { total: 5, processed: 2, sent: 2 },
    { state: "interrupted", total: 5, processed: 2, sent: 2 },
  ];
  await openTriggers();
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Bulk sync Bug trigger" }));
  const card = await screen.findByText(
    /Bulk sync was interrupted after 2 of 5/,
    {},
    { timeout: 5000 },
  );
  expect(card.textContent).toContain("Start it again");
  backend.settings.bulkSyncSteps = [{ state: "done", total: 5, processed: 5, sent: 3, skipped: 2 }];
  fireEvent.click(screen.getByRole("button", { name: "Start again" }));
  expect(await screen.findByText("Bulk sync finished: 3 sent, 2 skipped, 0 failed.")).toBeTruthy();
  expect(requestsTo("POST", `${TRIGGERS}/t-1/bulk-sync`)).toHaveLength(2);
});

test("a failed bulk sync shows the job's error and can be started again", async () => {
  backend.settings.bulkSyncSteps = [{ state: "failed", error: "Azure DevOps cannot be reached." }];
  await openTriggers();
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Bulk sync Bug trigger" }));
  const card = await screen.findByText(/Bulk sync failed after 0 of 0/);
  expect(card.textContent).toContain("Azure DevOps cannot be reached.");
  expect(screen.getByRole("button", { name: "Start again" })).toBeTruthy();
});

test("a refused bulk sync start shows the code", async () => {
  backend.failures.set(
    `POST ${TRIGGERS}/t-1/bulk-sync`,
    errorAnswer("SYNC_ERR_CREDENTIAL_MISSING"),
  );
  await openTriggers();
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Bulk sync Bug trigger" }));
  expect(await screen.findByText("(SYNC_ERR_CREDENTIAL_MISSING)")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Start again" })).toBeTruthy();
});

test("polling stops when the tab closes", async () => {
  backend.settings.bulkSyncSteps = [{ total: 4 }];
  let release = () => undefined as void;
  const path = "GET /api/v1/connections/c-1/bulk-sync/job-1";
  backend.gates.set(path, new Promise<void>((resolve) => (release = resolve)));
  await openTriggers();
  fireEvent.click(within(await item("Bug")).getByRole("button", { name: "Bulk sync Bug trigger" }));
  await waitFor(
    () => expect(requestsTo("GET", "/api/v1/connections/c-1/bulk-sync/job-1")).toHaveLength(1),
    {
      timeout: 5000,
    },
  );
  fireEvent.click(screen.getByRole("tab", { name: "Statistics" }));
  await act(async () => {
    release();
    // Longer than two poll intervals: a poll still scheduled would have been sent by now.
    await new Promise((resolve) => setTimeout(resolve, 2500));
  });
  expect(requestsTo("GET", "/api/v1/connections/c-1/bulk-sync/job-1")).toHaveLength(1);
});
