import { act, fireEvent, screen, within } from "@testing-library/react";

import type { Replica } from "../../../../src/shared/contracts";
import { connection, errorAnswer, type FakeBackend } from "../../../helpers/fake-node";
import { installRangeGeometry } from "../../helpers/codemirror-jsdom";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;
const OUTGOING = "/api/v1/connections/c-1/scripts/test/outgoing";
const INCOMING = "/api/v1/connections/c-1/scripts/test/incoming";

const REPLICA: Replica = {
  version: 1,
  key: "42",
  summary: "Login fails",
  description: null,
  type: "Bug",
  status: "Active",
  priority: 2,
  assignee: null,
  reporter: null,
  labels: ["web"],
  areaPath: null,
  iterationPath: null,
  project: { key: "Alpha", name: "Alpha" },
  comments: [],
  attachments: [],
  customFields: {},
};

// The panel opens on Rules, whose script editors measure text ranges.
beforeAll(installRangeGeometry);

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(connection({ id: "c-1", name: "to_fabrikam" }));
});

afterEach(restoreParent);

async function openTestRun(): Promise<void> {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("button", { name: "to_fabrikam" }));
  fireEvent.click(await screen.findByRole("tab", { name: "Test run" }, { timeout: 5000 }));
  await screen.findByText(/Test runs apply nothing/);
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: "input, textarea" }) as HTMLInputElement;
}

function type(label: string, value: string): void {
  fireEvent.change(field(label), { target: { value } });
}

function requestsTo(path: string) {
  return backend.requests.filter((r) => r.url === `http://node.test${path}`);
}

test("the outgoing run sends the work item id and shows the replica as JSON, with warnings", async () => {
  backend.settings.outgoingTest = { replica: REPLICA, warnings: ["No user alice@contoso.com"] };
  let release = () => undefined as void;
  backend.gates.set(`POST ${OUTGOING}`, new Promise<void>((resolve) => (release = resolve)));
  await openTestRun();
  type("Work item id", " 42 ");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  const button = await screen.findByRole("button", { name: "Run outgoing script" });
  expect(button.textContent).toBe("Running...");
  expect(button.getAttribute("aria-disabled")).toBe("true");
  act(() => release());
  const block = await screen.findByRole("region", { name: "Outgoing replica" });
  expect(JSON.parse(block.textContent ?? "")).toEqual(REPLICA);
  expect(block.tagName).toBe("PRE");
  expect(
    within(screen.getByRole("list", { name: "Warnings" })).getByText("No user alice@contoso.com"),
  ).toBeTruthy();
  expect(requestsTo(OUTGOING)[0].body).toEqual({ workItemId: 42 });
});

test("an outgoing run that makes no replica says so", async () => {
  await openTestRun();
  type("Work item id", "7");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  expect(await screen.findByText(/sends nothing for this work item/)).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Use as incoming replica" })).toBeNull();
});

test("a work item id that is not a positive integer is refused inline and nothing is sent", async () => {
  await openTestRun();
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  expect(screen.getByText("Enter a work item id.")).toBeTruthy();
  for (const bad of ["0", "-3", "4.5", "12abc"]) {
    type("Work item id", bad);
    fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
    expect(screen.getByText("A work item id is a whole number above 0, e.g. 42.")).toBeTruthy();
  }
  expect(requestsTo(OUTGOING)).toHaveLength(0);
  type("Work item id", "12");
  expect(screen.queryByText("A work item id is a whole number above 0, e.g. 42.")).toBeNull();
});

test("a script error is shown in a card with its code, message and line", async () => {
  backend.failures.set(
    `POST ${OUTGOING}`,
    errorAnswer(
      "SYNC_ERR_SCRIPT_RUNTIME",
      "Outgoing script failed at line 3, column 5: TypeError: cannot read property 'name' of null",
      { script: "outgoing", line: 3, column: 5, message: "TypeError" },
    ),
  );
  await openTestRun();
  type("Work item id", "42");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  const card = await screen.findByText(/Outgoing script failed at line 3/);
  expect(card.textContent).toContain("(SYNC_ERR_SCRIPT_RUNTIME)");
  expect(screen.getByRole("button", { name: "Run outgoing script" }).textContent).toBe(
    "Run outgoing script",
  );
});

test("a missing work item shows SYNC_ERR_WORK_ITEM_NOT_FOUND", async () => {
  backend.failures.set(`POST ${OUTGOING}`, errorAnswer("SYNC_ERR_WORK_ITEM_NOT_FOUND"));
  await openTestRun();
  type("Work item id", "999");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  expect(await screen.findByText("(SYNC_ERR_WORK_ITEM_NOT_FOUND)")).toBeTruthy();
});

test("a node without a token offers Node settings, which opens in place of the panel", async () => {
  backend.failures.set(`POST ${OUTGOING}`, errorAnswer("SYNC_ERR_CREDENTIAL_MISSING"));
  await openTestRun();
  type("Work item id", "42");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  expect(await screen.findByText("(SYNC_ERR_CREDENTIAL_MISSING)")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Node settings" }));
  expect(await screen.findByText("Background sync credential", {}, { timeout: 5000 })).toBeTruthy();
  expect(screen.queryByRole("tab", { name: "Test run" })).toBeNull();
});

test("an error without a fix in Node settings gets no Node settings button", async () => {
  backend.failures.set(`POST ${OUTGOING}`, errorAnswer("SYNC_ERR_WORK_ITEM_NOT_FOUND"));
  await openTestRun();
  type("Work item id", "7");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  await screen.findByText("(SYNC_ERR_WORK_ITEM_NOT_FOUND)");
  expect(screen.queryByRole("button", { name: "Node settings" })).toBeNull();
});

test("Use as incoming replica copies the replica into the incoming section", async () => {
  backend.settings.outgoingTest = { replica: REPLICA, warnings: [] };
  await openTestRun();
  type("Work item id", "42");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  fireEvent.click(await screen.findByRole("button", { name: "Use as incoming replica" }));
  expect(JSON.parse(field("Replica (JSON)").value)).toEqual(REPLICA);
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  await screen.findByRole("region", { name: "Incoming test result" });
  expect(requestsTo(INCOMING)[0].body).toEqual({ replica: REPLICA });
});

test("invalid replica JSON is shown at the field and no request is sent", async () => {
  await openTestRun();
  type("Replica (JSON)", '{ "version": 1, "key": ');
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  expect(screen.getByText(/^This is not valid JSON: /)).toBeTruthy();
  type("Replica (JSON)", "[1, 2]");
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  expect(screen.getByText(/A replica is a JSON object/)).toBeTruthy();
  type("Replica (JSON)", "");
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  expect(screen.getByText(/Paste a replica/)).toBeTruthy();
  expect(requestsTo(INCOMING)).toHaveLength(0);
});

test("the incoming run shows the JSON Patch, comments and warnings it would apply", async () => {
  backend.settings.incomingTest = {
    firstSync: false,
    create: null,
    patch: [
      { op: "add", path: "/fields/System.Title", value: "Login fails" },
      { op: "remove", path: "/fields/System.Tags" },
    ],
    comments: [{ body: "From fabrikam", format: "markdown" }],
    attachments: [{ filename: "trace.log", size: 120 }],
    warnings: ["Unknown state Resolved"],
  };
  await openTestRun();
  type("Replica (JSON)", JSON.stringify(REPLICA));
  type("Local work item id (optional)", "17");
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  const table = await screen.findByRole("table", { name: "JSON Patch" });
  const rows = within(table)
    .getAllByRole("row")
    .map((row) =>
      within(row)
        .queryAllByRole("cell")
        .map((cell) => cell.textContent),
    );
  expect(rows.slice(1)).toEqual([
    ["add", "/fields/System.Title", '"Login fails"'],
    ["remove", "/fields/System.Tags", ""],
  ]);
  expect(screen.getByText("Would update the local work item")).toBeTruthy();
  expect(screen.getByText("From fabrikam (markdown)")).toBeTruthy();
  expect(screen.getByText("trace.log (120 bytes)")).toBeTruthy();
  expect(screen.getByText("Unknown state Resolved")).toBeTruthy();
  expect(requestsTo(INCOMING)[0].body).toEqual({ replica: REPLICA, workItemId: 17 });
});

test("an incoming first sync says where the work item would be created", async () => {
  backend.settings.incomingTest = {
    firstSync: true,
    create: { project: "Alpha", type: "Bug" },
    patch: [{ op: "add", path: "/fields/System.Title", value: "Login fails" }],
    comments: [],
    attachments: [],
    warnings: [],
  };
  await openTestRun();
  type("Replica (JSON)", JSON.stringify(REPLICA));
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  expect(await screen.findByText("First sync: would create a Bug in project Alpha")).toBeTruthy();
  expect(requestsTo(INCOMING)[0].body).toEqual({ replica: REPLICA });
});

test("an invalid local work item id is refused inline and nothing is sent", async () => {
  await openTestRun();
  type("Replica (JSON)", JSON.stringify(REPLICA));
  type("Local work item id (optional)", "abc");
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  expect(screen.getByText("A work item id is a whole number above 0, e.g. 42.")).toBeTruthy();
  expect(requestsTo(INCOMING)).toHaveLength(0);
});

test("an incoming script error is shown with its code", async () => {
  backend.failures.set(
    `POST ${INCOMING}`,
    errorAnswer("SYNC_ERR_SCRIPT_TIMEOUT", "Incoming script failed: InternalError: interrupted"),
  );
  await openTestRun();
  type("Replica (JSON)", JSON.stringify(REPLICA));
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  const card = await screen.findByText(/Incoming script failed: InternalError: interrupted/);
  expect(card.textContent).toContain("(SYNC_ERR_SCRIPT_TIMEOUT)");
  expect(screen.queryByRole("table", { name: "JSON Patch" })).toBeNull();
});

test("a replica with only some fields is completed before it is sent; a number key becomes a string", async () => {
  await openTestRun();
  type("Replica (JSON)", '{ "key": "1", "summary": "x" }');
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  await screen.findByRole("region", { name: "Incoming test result" });
  expect(requestsTo(INCOMING)[0].body).toEqual({
    replica: {
      version: 1,
      key: "1",
      summary: "x",
      description: null,
      type: null,
      status: null,
      priority: null,
      assignee: null,
      reporter: null,
      labels: [],
      areaPath: null,
      iterationPath: null,
      project: null,
      comments: [],
      attachments: [],
      customFields: {},
    },
  });
  type("Replica (JSON)", '{ "key": 7, "labels": ["web"] }');
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  await screen.findByRole("region", { name: "Incoming test result" });
  expect(requestsTo(INCOMING)[1].body).toMatchObject({ replica: { key: "7", labels: ["web"] } });
});

test("a replica without a key is refused at the field and nothing is sent", async () => {
  await openTestRun();
  for (const text of ['{ "summary": "x" }', '{ "key": "" }', '{ "key": null }']) {
    type("Replica (JSON)", text);
    fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
    expect(screen.getByText(/A replica needs a "key"/)).toBeTruthy();
  }
  expect(requestsTo(INCOMING)).toHaveLength(0);
});

test("an input refused here clears the previous run's error; a new run replaces it", async () => {
  backend.failures.set(`POST ${OUTGOING}`, errorAnswer("SYNC_ERR_WORK_ITEM_NOT_FOUND"));
  await openTestRun();
  type("Work item id", "999");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  expect(await screen.findByText("(SYNC_ERR_WORK_ITEM_NOT_FOUND)")).toBeTruthy();
  type("Work item id", "99999999999");
  fireEvent.click(screen.getByRole("button", { name: "Run outgoing script" }));
  expect(screen.getByText("A work item id is a whole number above 0, e.g. 42.")).toBeTruthy();
  expect(screen.queryByText("(SYNC_ERR_WORK_ITEM_NOT_FOUND)")).toBeNull();

  backend.failures.set(`POST ${INCOMING}`, errorAnswer("SYNC_ERR_REQUEST_TOO_LARGE"));
  type("Replica (JSON)", JSON.stringify(REPLICA));
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  expect(await screen.findByText("(SYNC_ERR_REQUEST_TOO_LARGE)")).toBeTruthy();
  type("Replica (JSON)", "{ not json");
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  expect(screen.getByText(/^This is not valid JSON: /)).toBeTruthy();
  expect(screen.queryByText("(SYNC_ERR_REQUEST_TOO_LARGE)")).toBeNull();

  backend.failures.delete(`POST ${INCOMING}`);
  type("Replica (JSON)", JSON.stringify(REPLICA));
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  await screen.findByRole("region", { name: "Incoming test result" });
  expect(screen.queryByText(/\(SYNC_ERR_/)).toBeNull();
});

test("an invalid request shows the field and issue the node names", async () => {
  backend.failures.set(
    `POST ${INCOMING}`,
    errorAnswer("SYNC_ERR_REQUEST_INVALID", undefined, {
      field: "replica",
      location: "body",
      issue: "must be integer",
    }),
  );
  await openTestRun();
  type("Replica (JSON)", '{ "key": "1", "priority": "high" }');
  fireEvent.click(screen.getByRole("button", { name: "Run incoming script" }));
  const card = await screen.findByRole("alert");
  expect(card.textContent).toContain('The request is not valid. Field "replica": must be integer.');
  expect(card.textContent).toContain("(SYNC_ERR_REQUEST_INVALID)");
});
