import { fireEvent, screen, waitFor } from "@testing-library/react";

import { connection, errorAnswer, type FakeBackend } from "../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../helpers/hub-harness";
import { sdkMock } from "../helpers/sdk-mock";

jest.mock("azure-devops-extension-sdk", () => require("../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
});

afterEach(restoreParent);

test("shows a spinner while the connections load", async () => {
  backend.hanging.add("GET /api/v1/connections");
  await renderHub();
  expect(await screen.findByText("Loading connections...")).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Connections" })).toBeTruthy();
});

test("shows the empty state that invites to initiate the first connection", async () => {
  await renderHub();
  expect(await screen.findByText("No connections yet")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Initiate connection" })).toBeTruthy();
  expect(screen.getByRole("menuitem", { name: "Initiate connection" })).toBeTruthy();
  expect(screen.getByRole("menuitem", { name: "Accept invitation" })).toBeTruthy();
  expect(screen.getByRole("menuitem", { name: "Node settings" })).toBeTruthy();
});

test("a failed list shows the code and Retry; Retry loads the list", async () => {
  backend.failures.set("GET /api/v1/connections", errorAnswer("SYNC_ERR_AUTH_NOT_ADMIN"));
  await renderHub();
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("SYNC_ERR_AUTH_NOT_ADMIN");
  expect(alert.textContent).toContain("Project Collection Administrators");
  backend.failures.clear();
  backend.connections.push(connection());
  fireEvent.click(screen.getByRole("button", { name: "Retry" }));
  await findTable();
  expect(screen.getByText("contoso_to_fabrikam")).toBeTruthy();
});

test("an unreachable node offers Node settings next to Retry", async () => {
  backend.failures.set("GET /api/v1/connections", { status: 502, body: "gateway" });
  await renderHub();
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("SYNC_ERR_CLIENT_BAD_RESPONSE");
  expect(screen.getByRole("button", { name: "Node settings" })).toBeTruthy();
});

test("rows show name, description, short names, type, mode, status, project", async () => {
  backend.connections.push(
    connection(),
    connection({
      id: "c-2",
      name: "contoso_to_hidden",
      description: "",
      remoteShortName: null,
      type: "private",
      mode: "basic",
      status: "pending",
      incomingProject: { id: "p-beta", name: "Beta" },
    }),
    connection({
      id: "c-3",
      name: "contoso_to_broken",
      status: "error",
      statusReason: { code: "SYNC_ERR_TRANSPORT_PEER_UNREACHABLE", message: "Peer is down." },
    }),
    connection({ id: "c-4", name: "contoso_to_paused", status: "deactivated" }),
  );
  await findTableAfterRender();
  const rows = screen.getAllByRole("row").slice(1);
  expect(rows).toHaveLength(4);
  const first = rows[0].textContent ?? "";
  for (const text of ["contoso_to_fabrikam", "Bugs both ways", "contoso", "fabrikam", "Public"]) {
    expect(first).toContain(text);
  }
  expect(first).toContain("Script");
  expect(first).toContain("Active");
  expect(first).toContain("Alpha");
  expect(first).toContain("Never");
  const pending = rows[1].textContent ?? "";
  for (const text of ["unknown", "Private", "Basic", "Pending", "Beta"]) {
    expect(pending).toContain(text);
  }
  expect(rows[2].textContent).toContain("Error");
  expect(rows[2].textContent).toContain("Peer is down. (SYNC_ERR_TRANSPORT_PEER_UNREACHABLE)");
  expect(rows[3].textContent).toContain("Deactivated");
});

test("200 connections render in the one table", async () => {
  for (let i = 0; i < 200; i++) {
    backend.connections.push(connection({ id: `c-${i}`, name: `connection_${i}` }));
  }
  await findTableAfterRender();
  await waitFor(() => expect(screen.getByText("connection_0")).toBeTruthy());
  expect(screen.getAllByRole("table")).toHaveLength(1);
  expect(screen.getByRole("table").getAttribute("aria-rowcount")).toBe("201");
});

test("the app token is refreshed once on 401 and the user sees no error", async () => {
  backend.connections.push(connection());
  backend.validAppTokens = new Set(["app-token-2"]);
  sdkMock.sdk.getAppToken.mockImplementation(() => {
    sdkMock.control.calls.getAppToken++;
    return Promise.resolve(sdkMock.control.calls.getAppToken === 1 ? "app-token-1" : "app-token-2");
  });
  try {
    await findTableAfterRender();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(sdkMock.control.calls.getAppToken).toBe(2);
    const auth = backend.requests
      .filter((r) => r.url.endsWith("/api/v1/connections"))
      .map((r) => r.headers.authorization);
    expect(auth).toEqual(["Bearer app-token-1", "Bearer app-token-2"]);
  } finally {
    sdkMock.sdk.getAppToken.mockImplementation(() => {
      sdkMock.control.calls.getAppToken++;
      return Promise.resolve(sdkMock.control.appToken);
    });
  }
});

async function findTableAfterRender() {
  await renderHub();
  return findTable();
}
