import { act, fireEvent, screen, waitFor } from "@testing-library/react";

import { NODE_URL_MESSAGES } from "../../../../src/hub/components/settings/nodeUrlRules";
import { connection, FAKE_NODE_INFO, type FakeBackend, NODE_URL } from "../../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";
import { sdkMock } from "../../helpers/sdk-mock";
import { click, type } from "../../helpers/wizard-helpers";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

afterEach(restoreParent);

test("first run: no stored URL opens Node settings; test, save, and the list loads", async () => {
  backend = setUpHub({ nodeUrl: null });
  backend.connections.push(connection());
  await renderHub();
  expect(await screen.findByText(/First, connect this organization to its sync node/)).toBeTruthy();
  expect(
    screen.getByRole("menuitem", { name: "Initiate connection" }).getAttribute("aria-disabled"),
  ).toBe("true");
  expect(backend.requests).toHaveLength(0); // nothing is sent before a node is known

  click("Save");
  expect(screen.getByText(NODE_URL_MESSAGES.required)).toBeTruthy();
  type("Sync node URL", "node.test");
  click("Test connection");
  expect(screen.getByText(NODE_URL_MESSAGES.invalid)).toBeTruthy();

  type("Sync node URL", `${NODE_URL}/`);
  await act(async () => click("Test connection"));
  expect(await screen.findByText(/Connected to sync node 0.1.0/)).toBeTruthy();
  await act(async () => click("Save"));
  await findTable();
  expect(sdkMock.control.extensionData.get("syncNodeUrl")).toBe(NODE_URL);
  expect(sdkMock.control.toasts).toContain("Sync node saved.");
  expect(screen.getByText("contoso_to_fabrikam")).toBeTruthy();
});

test("a server that is not a sync node is refused and nothing is stored", async () => {
  backend = setUpHub({ nodeUrl: null });
  backend.failures.set("GET /api/v1/node", { status: 200, body: { product: "nginx" } });
  await renderHub();
  await screen.findByText(/First, connect this organization/);
  type("Sync node URL", NODE_URL);
  await act(async () => click("Save"));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("SYNC_ERR_CLIENT_BAD_RESPONSE");
  expect(alert.textContent).toContain("did not answer like an Exalate sync node");
  expect(sdkMock.control.extensionData.has("syncNodeUrl")).toBe(false);
});

test("an unreachable URL says so with its code", async () => {
  backend = setUpHub({ nodeUrl: null });
  await renderHub();
  await screen.findByText(/First, connect this organization/);
  type("Sync node URL", "http://nowhere.test");
  await act(async () => click("Test connection"));
  expect((await screen.findByRole("alert")).textContent).toContain("SYNC_ERR_CLIENT_NETWORK");
});

test("closing the first-run panel leaves a way back: the empty state opens Node settings", async () => {
  backend = setUpHub({ nodeUrl: null });
  await renderHub();
  await screen.findByText(/First, connect this organization/);
  click("Cancel");
  await waitFor(() => expect(screen.queryByText(/First, connect this organization/)).toBeNull());
  expect(screen.getByText("Connect this organization to its sync node")).toBeTruthy();
  click("Node settings");
  expect(await screen.findByRole("textbox", { name: "Sync node URL" })).toBeTruthy();
});

test("Node settings from the header shows the stored URL, without the first-run note", async () => {
  backend = setUpHub();
  await renderHub();
  await screen.findByText("No connections yet");
  fireEvent.click(screen.getByRole("menuitem", { name: "Node settings" }));
  const field = (await screen.findByRole("textbox", { name: "Sync node URL" })) as HTMLInputElement;
  expect(field.value).toBe(NODE_URL);
  expect(screen.queryByText(/First, connect this organization/)).toBeNull();
});

test("a failure to read the stored URL shows its code and Retry", async () => {
  backend = setUpHub();
  sdkMock.control.services.set("ms.vss-features.extension-data-service", {
    getExtensionDataManager: async () => {
      throw new Error("HostAuthorizationNotFound");
    },
  });
  await renderHub();
  expect(await screen.findByRole("alert")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
});

describe("the node must serve this organization", () => {
  /** First run; the node at NODE_URL answers with this organization URL. */
  async function firstRunWithNodeOf(organizationUrl: string | null): Promise<void> {
    backend = setUpHub({ nodeUrl: null });
    backend.failures.set("GET /api/v1/node", {
      status: 200,
      body: { ...FAKE_NODE_INFO, organizationUrl },
    });
    await renderHub();
    await screen.findByText(/First, connect this organization/);
    type("Sync node URL", NODE_URL);
  }

  test("another organization's node: Test connection warns, Save refuses and stores nothing", async () => {
    await firstRunWithNodeOf("http://ado.test/fabrikam");
    await act(async () => click("Test connection"));
    const warning = await screen.findByRole("alert");
    expect(warning.textContent).toContain(
      "This sync node serves http://ado.test/fabrikam, not this organization (http://ado.test/contoso/)",
    );
    await act(async () => click("Save"));
    const refusal = await screen.findByRole("alert");
    expect(refusal.textContent).toContain("Not saved.");
    expect(refusal.textContent).toContain("This sync node serves http://ado.test/fabrikam");
    expect(sdkMock.control.extensionData.has("syncNodeUrl")).toBe(false);
    expect(sdkMock.control.toasts).not.toContain("Sync node saved.");
  });

  test("Save without a test refuses another organization's node too", async () => {
    await firstRunWithNodeOf("https://fabrikam.visualstudio.com");
    await act(async () => click("Save"));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This sync node serves https://fabrikam.visualstudio.com",
    );
    expect(sdkMock.control.extensionData.has("syncNodeUrl")).toBe(false);
  });

  test("a node without AZDO_ORG_URL is allowed with a warning", async () => {
    await firstRunWithNodeOf(null);
    await act(async () => click("Test connection"));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This sync node has no AZDO_ORG_URL",
    );
    await act(async () => click("Save"));
    await waitFor(() => expect(sdkMock.control.extensionData.get("syncNodeUrl")).toBe(NODE_URL));
  });
});
