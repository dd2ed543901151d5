import { fireEvent, screen, waitFor, within } from "@testing-library/react";

import { connection, errorAnswer, type FakeBackend } from "../../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(connection({ id: "c-1", name: "to_fabrikam", localSide: "private" }));
});

afterEach(restoreParent);

async function openStatistics(): Promise<void> {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("button", { name: "to_fabrikam" }));
  fireEvent.click(await screen.findByRole("tab", { name: "Statistics" }, { timeout: 5000 }));
}

/** The value shown next to `label` in the statistics list. */
function valueOf(label: string): string {
  const term = within(screen.getByLabelText("Statistics", { selector: "dl" })).getByText(label);
  return term.nextElementSibling?.textContent ?? "";
}

test("shows twins, queued and failed counts, and last poll on the private side", async () => {
  await openStatistics();
  await screen.findByLabelText("Statistics", { selector: "dl" });
  expect(valueOf("Work items in sync (twins)")).toBe("12");
  expect(valueOf("Outgoing queued")).toBe("2");
  expect(valueOf("Incoming failed")).toBe("3");
  expect(valueOf("Last received")).toBe("Never");
  expect(valueOf("Last poll")).not.toBe("Never");
});

test("a failed load shows the code, and Retry loads the statistics", async () => {
  backend.failures.set(
    "GET /api/v1/connections/c-1/statistics",
    errorAnswer("SYNC_ERR_CLIENT_TIMEOUT"),
  );
  await openStatistics();
  expect(await screen.findByText("(SYNC_ERR_CLIENT_TIMEOUT)")).toBeTruthy();
  backend.failures.clear();
  fireEvent.click(screen.getByRole("button", { name: "Retry" }));
  expect(await screen.findByLabelText("Statistics", { selector: "dl" })).toBeTruthy();
});

test("Refresh reads the statistics again and shows the new counts", async () => {
  await openStatistics();
  await screen.findByLabelText("Statistics", { selector: "dl" });
  backend.statistics = { ...backend.statistics, twins: 13 };
  fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
  await waitFor(() => expect(valueOf("Work items in sync (twins)")).toBe("13"));
});
