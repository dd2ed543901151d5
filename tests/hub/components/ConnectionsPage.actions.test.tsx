import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";

import { connection, errorAnswer, type FakeBackend } from "../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../helpers/hub-harness";
import { sdkMock } from "../helpers/sdk-mock";

jest.mock("azure-devops-extension-sdk", () => require("../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(
    connection({ id: "c-pending", name: "to_pending", status: "pending", remoteShortName: null }),
    connection({ id: "c-active", name: "to_active", status: "active" }),
    connection({ id: "c-off", name: "to_off", status: "deactivated" }),
  );
});

afterEach(restoreParent);

/** Opens the "..." menu of row `index` (0-based) and returns the menu item names. */
async function openRowMenu(index: number): Promise<string[]> {
  await findTable();
  const buttons = screen.getAllByRole("button", { name: "More options" });
  fireEvent.click(buttons[index]);
  const menu = await screen.findByRole("menu");
  return within(menu)
    .getAllByRole("menuitem")
    .map((item) => (item.textContent ?? "").trim());
}

function menuItem(name: string): HTMLElement {
  return within(screen.getByRole("menu"))
    .getAllByRole("menuitem")
    .find((item) => item.textContent?.trim() === name)!;
}

test.each([
  [0, "Pending", ["Edit", "Copy invitation code", "Delete"]],
  [1, "Active", ["Edit", "Deactivate", "Delete"]],
  [2, "Deactivated", ["Edit", "Activate", "Delete"]],
])("row %i (%s) offers %j in its menu", async (row, _status, expected) => {
  await renderHub();
  expect(await openRowMenu(row)).toEqual(expected);
});

test("Deactivate and Activate call the node, toast through the host and reload the list", async () => {
  await renderHub();
  await openRowMenu(1);
  fireEvent.click(menuItem("Deactivate"));
  await waitFor(() =>
    expect(sdkMock.control.toasts).toContain("Connection to_active deactivated."),
  );
  expect(backend.requests.some((r) => r.url.endsWith("/c-active/deactivate"))).toBe(true);
  await waitFor(() =>
    expect(screen.getAllByText("Deactivated", { selector: "span" })).toHaveLength(2),
  );
  await openRowMenu(2);
  fireEvent.click(menuItem("Activate"));
  await waitFor(() => expect(sdkMock.control.toasts).toContain("Connection to_off activated."));
});

test("a failed action shows its code and can be dismissed", async () => {
  backend.failures.set(
    "POST /api/v1/connections/c-active/deactivate",
    errorAnswer("SYNC_ERR_CONNECTION_STATE"),
  );
  await renderHub();
  await openRowMenu(1);
  fireEvent.click(menuItem("Deactivate"));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("SYNC_ERR_CONNECTION_STATE");
  fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
  await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
});

test("Delete asks for confirmation; Cancel keeps the connection, Delete removes it", async () => {
  await renderHub();
  await openRowMenu(1);
  fireEvent.click(menuItem("Delete"));
  expect(await screen.findByText("Delete connection?")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
  await waitFor(() => expect(screen.queryByText("Delete connection?")).toBeNull());
  expect(backend.requests.some((r) => r.method === "DELETE")).toBe(false);

  await openRowMenu(1);
  fireEvent.click(menuItem("Delete"));
  await screen.findByText("Delete connection?");
  fireEvent.click(screen.getByRole("button", { name: "Delete" }));
  await waitFor(() => expect(sdkMock.control.toasts).toContain("Connection to_active deleted."));
  await waitFor(() => expect(screen.queryByText("to_active")).toBeNull());
  expect(backend.connections.map((c) => c.id)).toEqual(["c-pending", "c-off"]);
});

test("Copy invitation code on a Pending row reads the code and copies it", async () => {
  const writeText = jest.fn(() => Promise.resolve());
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
  await renderHub();
  await openRowMenu(0);
  fireEvent.click(menuItem("Copy invitation code"));
  const field = (await screen.findByRole("textbox", {
    name: "Invitation code",
  })) as HTMLTextAreaElement;
  expect(field.value).toBe("INV-c-pending");
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Copy invitation code" }));
  });
  expect(writeText).toHaveBeenCalledWith("INV-c-pending");
  expect(screen.getByText("Copied to the clipboard.")).toBeTruthy();
});

test("Regenerate code asks first, then shows the new code; Keep this code changes nothing", async () => {
  await renderHub();
  await openRowMenu(0);
  fireEvent.click(menuItem("Copy invitation code"));
  const field = () =>
    screen.getByRole("textbox", { name: "Invitation code" }) as HTMLTextAreaElement;
  await screen.findByRole("textbox", { name: "Invitation code" });
  fireEvent.click(screen.getByRole("button", { name: "Regenerate code" }));
  expect(await screen.findByText(/your partner cannot use it any more/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Keep this code" }));
  expect(field().value).toBe("INV-c-pending");
  expect(backend.requests.filter((r) => r.method === "POST")).toEqual([]);

  fireEvent.click(screen.getByRole("button", { name: "Regenerate code" }));
  fireEvent.click(await screen.findByRole("button", { name: "Regenerate" }));
  await waitFor(() => expect(field().value).toBe("INV-c-pending-2"));
  expect(screen.queryByText(/your partner cannot use it any more/)).toBeNull();
  expect(sdkMock.control.toasts).toContain(
    "New invitation code made. The previous code no longer works.",
  );
  const post = backend.requests.find((r) => r.method === "POST");
  expect(post?.url).toBe("http://node.test/api/v1/connections/c-pending/invitation");
});

test("an invitation code that cannot be read offers Regenerate code as the way out", async () => {
  backend.failures.set(
    "GET /api/v1/connections/c-pending/invitation",
    errorAnswer("SYNC_ERR_INVITATION_EXPIRED"),
  );
  await renderHub();
  await openRowMenu(0);
  fireEvent.click(menuItem("Copy invitation code"));
  expect(await screen.findByText("(SYNC_ERR_INVITATION_EXPIRED)")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Regenerate code" }));
  fireEvent.click(await screen.findByRole("button", { name: "Regenerate" }));
  const field = (await screen.findByRole("textbox", {
    name: "Invitation code",
  })) as HTMLTextAreaElement;
  expect(field.value).toBe("INV-c-pending-2");
});
