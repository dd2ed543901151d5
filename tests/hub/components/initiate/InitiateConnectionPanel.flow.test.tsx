import { act, fireEvent, screen, waitFor } from "@testing-library/react";

import { connection, type FakeBackend } from "../../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";
import { sdkMock } from "../../helpers/sdk-mock";
import { click, currentStep, pickProject, textbox, type } from "../../helpers/wizard-helpers";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
  Object.defineProperty(navigator, "clipboard", {
    configurable: true,
    value: { writeText: jest.fn(() => Promise.resolve()) },
  });
});

afterEach(restoreParent);

async function openWizard() {
  await renderHub();
  await screen.findByText("No connections yet");
  fireEvent.click(screen.getByRole("menuitem", { name: "Initiate connection" }));
  await screen.findByRole("list", { name: "Steps" });
}

test("the whole flow: every step, Initiate, the invitation code, Done shows the Pending row", async () => {
  await openWizard();
  expect(currentStep()).toBe("Destination");
  type("Destination instance URL", "https://sync.fabrikam.example/");
  click("Next");

  expect(currentStep()).toBe("Mode");
  expect(screen.getByText(/cannot be changed after the connection is created/)).toBeTruthy();
  fireEvent.click(screen.getByRole("radio", { name: "Basic" }));
  click("Next");

  expect(currentStep()).toBe("Short names");
  type("Local instance short name", "contoso");
  type("Destination instance short name", "fabrikam");
  click("Next");

  expect(currentStep()).toBe("Name");
  expect(textbox("Connection name").value).toBe("contoso_to_fabrikam");
  type("Description", "Bugs both ways");
  click("Next");

  expect(currentStep()).toBe("Project");
  await pickProject("Beta");
  click("Next");

  expect(currentStep()).toBe("Initiate");
  expect(screen.getByText("https://sync.fabrikam.example/")).toBeTruthy();
  await act(async () => click("Initiate"));
  const code = (await screen.findByRole("textbox", {
    name: "Invitation code",
  })) as HTMLInputElement;
  expect(code.value).toBe("INV-NEW-CODE-123");
  expect(code.readOnly).toBe(true);
  expect(
    screen.getByText(/configure your side now and send the invitation to your partner/),
  ).toBeTruthy();
  expect(screen.getByText(/shows as "unknown" until they accept it/)).toBeTruthy();
  expect(backend.requests.find((r) => r.method === "POST")?.body).toEqual({
    destinationUrl: "https://sync.fabrikam.example",
    mode: "basic",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    name: "contoso_to_fabrikam",
    description: "Bugs both ways",
    incomingProject: { id: "p-beta", name: "Beta" },
  });
  expect(sdkMock.control.toasts).toContain("Connection contoso_to_fabrikam initiated.");

  click("Done");
  await findTable();
  await waitFor(() => expect(screen.queryByRole("list", { name: "Steps" })).toBeNull());
  const row = screen.getAllByRole("row")[1].textContent ?? "";
  expect(row).toContain("Pending");
  expect(row).toContain("unknown");
  expect(row).toContain("Public");
});

test("I don't have a URL makes a private connection with destinationUrl null", async () => {
  await openWizard();
  fireEvent.click(screen.getByRole("checkbox", { name: "I don't have a URL" }));
  expect(textbox("Destination instance URL").disabled).toBe(true);
  click("Next");
  fireEvent.click(screen.getByRole("radio", { name: "Script" }));
  click("Next");
  type("Local instance short name", "contoso");
  type("Destination instance short name", "hidden");
  click("Next");
  click("Next");
  await pickProject("Alpha");
  click("Next");
  expect(screen.getByText("None (private destination)")).toBeTruthy();
  await act(async () => click("Initiate"));
  await screen.findByRole("textbox", { name: "Invitation code" });
  const body = backend.requests.find((r) => r.method === "POST")?.body as Record<string, unknown>;
  expect(body.destinationUrl).toBeNull();
  expect(body.mode).toBe("script");
  expect(backend.connections[0].type).toBe("private");
});

test("the name follows the short names until edited, then stays as typed", async () => {
  await openWizard();
  type("Destination instance URL", "https://x.example");
  click("Next");
  fireEvent.click(screen.getByRole("radio", { name: "Script" }));
  click("Next");
  type("Local instance short name", "a");
  type("Destination instance short name", "b");
  click("Next");
  expect(textbox("Connection name").value).toBe("a_to_b");
  type("Connection name", "my link");
  click("Back");
  type("Destination instance short name", "c");
  click("Next");
  expect(textbox("Connection name").value).toBe("my link");
});

test("Back keeps what was entered", async () => {
  await openWizard();
  type("Destination instance URL", "https://x.example");
  click("Next");
  expect(screen.getByRole("button", { name: "Back" })).toBeTruthy();
  click("Back");
  expect(currentStep()).toBe("Destination");
  expect(textbox("Destination instance URL").value).toBe("https://x.example");
});

test("Initiate shows progress, then the node's error with its code; fixing the name succeeds", async () => {
  backend.connections.push(connection({ name: "a_to_b" }));
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("menuitem", { name: "Initiate connection" }));
  await screen.findByRole("list", { name: "Steps" });
  type("Destination instance URL", "https://x.example");
  click("Next");
  fireEvent.click(screen.getByRole("radio", { name: "Script" }));
  click("Next");
  type("Local instance short name", "a");
  type("Destination instance short name", "b");
  click("Next");
  click("Next");
  await pickProject("Alpha");
  click("Next");

  let release: () => void = () => undefined;
  backend.gates.set("POST /api/v1/connections", new Promise<void>((r) => (release = r)));
  click("Initiate");
  const busy = screen.getByRole("button", { name: /Initiating/ });
  expect(busy.getAttribute("aria-disabled")).toBe("true");
  expect(screen.getByRole("button", { name: "Back" }).getAttribute("aria-disabled")).toBe("true");
  await act(async () => release());
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("SYNC_ERR_CONNECTION_NAME_TAKEN");
  expect(alert.textContent).toContain("A connection with this name already exists.");

  click("Back");
  expect(currentStep()).toBe("Project");
  click("Back");
  type("Connection name", "a_to_b_2");
  click("Next");
  await screen.findByRole("button", { name: /Project for incoming sync/ });
  click("Next"); // the project chosen before is kept
  expect(currentStep()).toBe("Initiate");
  await act(async () => click("Initiate"));
  expect(await screen.findByRole("textbox", { name: "Invitation code" })).toBeTruthy();
  expect(screen.queryByText(/Copied/)).toBeNull();
});
