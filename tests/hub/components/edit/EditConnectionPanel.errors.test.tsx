import { fireEvent, screen, waitFor, within } from "@testing-library/react";

import { connection, errorAnswer, type FakeBackend, syncError } from "../../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(connection({ id: "c-1", name: "to_fabrikam" }));
  backend.syncErrors.set("c-1", [
    syncError({}),
    syncError({ id: "e-2", localWorkItemId: 43, scriptLine: null, script: null }),
  ]);
});

afterEach(restoreParent);

async function openErrors(): Promise<HTMLElement> {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("button", { name: "to_fabrikam" }));
  fireEvent.click(await screen.findByRole("tab", { name: "Errors" }, { timeout: 5000 }));
  return screen.findByRole("list", { name: "Sync errors" });
}

test("lists work item, code, message and script line of each failure", async () => {
  const list = await openErrors();
  const rows = within(list).getAllByRole("listitem");
  expect(rows).toHaveLength(2);
  expect(rows[0].textContent).toContain("Work item 42");
  expect(rows[0].textContent).toContain("incoming script, line 3");
  expect(rows[0].textContent).toContain("SYNC_ERR_SCRIPT_RUNTIME");
  expect(rows[1].textContent).not.toContain("line");
});

test("a message that names its line does not get the line a second time", async () => {
  backend.syncErrors.set("c-1", [
    syncError({ message: "Incoming script failed at line 3, column 7: Error: boom" }),
  ]);
  const list = await openErrors();
  const text = within(list).getByRole("listitem").textContent ?? "";
  expect(text).toContain("Incoming script failed at line 3, column 7: Error: boom");
  expect(text.match(/line 3\b/g)).toHaveLength(1);
});

test("Refresh shows errors recorded since the tab opened, keeping the list on screen", async () => {
  backend.syncErrors.set("c-1", []);
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("button", { name: "to_fabrikam" }));
  fireEvent.click(await screen.findByRole("tab", { name: "Errors" }, { timeout: 5000 }));
  expect(await screen.findByText("No sync errors.")).toBeTruthy();
  backend.syncErrors.set("c-1", [syncError({})]);
  fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
  const list = await screen.findByRole("list", { name: "Sync errors" });
  expect(within(list).getAllByRole("listitem")).toHaveLength(1);
  expect(backend.requests.filter((r) => r.url.endsWith("/errors"))).toHaveLength(2);
});

test("Retry on one row retries only that error, shows a summary and reloads", async () => {
  await openErrors();
  fireEvent.click(screen.getByRole("button", { name: "Retry Work item 42" }));
  expect(await screen.findByText("Retried 1 of 1.")).toBeTruthy();
  const post = backend.requests.find((r) => r.method === "POST");
  expect(post?.url).toBe("http://node.test/api/v1/connections/c-1/errors/retry");
  expect(post?.body).toEqual({ ids: ["e-1"] });
  await waitFor(() =>
    expect(
      within(screen.getByRole("list", { name: "Sync errors" })).getAllByRole("listitem"),
    ).toHaveLength(1),
  );
});

test("Resolve all resolves every error and the list empties", async () => {
  await openErrors();
  fireEvent.click(screen.getByRole("button", { name: "Resolve all" }));
  expect(await screen.findByText("Resolved 2 of 2.")).toBeTruthy();
  expect(backend.requests.find((r) => r.method === "POST")?.body).toEqual({ all: true });
  expect(await screen.findByText("No sync errors.")).toBeTruthy();
});

test("a failed action shows its code and keeps the list", async () => {
  backend.failures.set(
    "POST /api/v1/connections/c-1/errors/retry",
    errorAnswer("SYNC_ERR_INTERNAL"),
  );
  await openErrors();
  fireEvent.click(screen.getByRole("button", { name: "Retry all" }));
  expect(await screen.findByText("(SYNC_ERR_INTERNAL)")).toBeTruthy();
  expect(
    within(screen.getByRole("list", { name: "Sync errors" })).getAllByRole("listitem"),
  ).toHaveLength(2);
});

test("a failed load shows the code and Retry", async () => {
  backend.failures.set("GET /api/v1/connections/c-1/errors", errorAnswer("SYNC_ERR_INTERNAL"));
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("button", { name: "to_fabrikam" }));
  fireEvent.click(await screen.findByRole("tab", { name: "Errors" }, { timeout: 5000 }));
  expect(await screen.findByText("(SYNC_ERR_INTERNAL)")).toBeTruthy();
  backend.failures.clear();
  fireEvent.click(screen.getByRole("button", { name: "Retry" }));
  expect(await screen.findByRole("list", { name: "Sync errors" })).toBeTruthy();
});
