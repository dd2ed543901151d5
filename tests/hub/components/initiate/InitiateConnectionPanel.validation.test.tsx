import { fireEvent, screen, waitFor } from "@testing-library/react";

import { MESSAGES } from "../../../../src/hub/components/initiate/wizardModel";
import { renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";
import { click, currentStep, pickProject, type } from "../../helpers/wizard-helpers";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

beforeEach(() => setUpHub());
afterEach(restoreParent);

async function openWizard() {
  await renderHub();
  await screen.findByText("No connections yet");
  fireEvent.click(screen.getByRole("menuitem", { name: "Initiate connection" }));
  await screen.findByRole("list", { name: "Steps" });
}

/** Clicks Next and expects to stay on `step` with `message` shown. */
function expectBlocked(step: string, message: string) {
  click("Next");
  expect(currentStep()).toBe(step);
  expect(screen.getByText(message)).toBeTruthy();
}

async function toShortNames() {
  await openWizard();
  type("Destination instance URL", "https://x.example");
  click("Next");
  fireEvent.click(screen.getByRole("radio", { name: "Script" }));
  click("Next");
}

test("step 1: a URL is required unless I don't have a URL; it must be a clean http(s) URL", async () => {
  await openWizard();
  expectBlocked("Destination", MESSAGES.urlRequired);
  type("Destination instance URL", "sync.example.com");
  expectBlocked("Destination", MESSAGES.urlInvalid);
  type("Destination instance URL", "ftp://sync.example.com");
  expectBlocked("Destination", MESSAGES.urlInvalid);
  type("Destination instance URL", "https://user:pw@sync.example.com");
  expectBlocked("Destination", MESSAGES.urlExtras);
  type("Destination instance URL", "https://sync.example.com/?a=1");
  expectBlocked("Destination", MESSAGES.urlExtras);
  type("Destination instance URL", "https://sync.example.com");
  expect(screen.queryByText(MESSAGES.urlExtras)).toBeNull(); // editing clears the message
  click("Next");
  expect(currentStep()).toBe("Mode");
});

test("step 2: a mode must be chosen", async () => {
  await openWizard();
  fireEvent.click(screen.getByRole("checkbox", { name: "I don't have a URL" }));
  click("Next");
  expectBlocked("Mode", MESSAGES.modeRequired);
  fireEvent.click(screen.getByRole("radio", { name: "Basic" }));
  click("Next");
  expect(currentStep()).toBe("Short names");
});

test("step 3: both short names are required, follow the pattern and differ", async () => {
  await toShortNames();
  click("Next");
  expect(screen.getByText(MESSAGES.localRequired)).toBeTruthy();
  expect(screen.getByText(MESSAGES.remoteRequired)).toBeTruthy();
  type("Local instance short name", "-bad");
  type("Destination instance short name", "x".repeat(33));
  click("Next");
  expect(screen.getAllByText(MESSAGES.shortNameInvalid)).toHaveLength(2);
  type("Local instance short name", "Contoso");
  type("Destination instance short name", "contoso");
  expectBlocked("Short names", MESSAGES.shortNamesEqual);
  type("Destination instance short name", "fabrikam");
  click("Next");
  expect(currentStep()).toBe("Name");
});

test("step 4: the name is required and follows the pattern; the description has a limit", async () => {
  await toShortNames();
  type("Local instance short name", "a");
  type("Destination instance short name", "b");
  click("Next");
  type("Connection name", "");
  expectBlocked("Name", MESSAGES.nameRequired);
  type("Connection name", "bad/name");
  expectBlocked("Name", MESSAGES.nameInvalid);
  type("Connection name", "good name");
  type("Description", "d".repeat(1001));
  expectBlocked("Name", MESSAGES.descriptionTooLong);
  type("Description", "d".repeat(1000));
  click("Next");
  expect(currentStep()).toBe("Project");
});

test("step 5: a project must be chosen", async () => {
  await toShortNames();
  type("Local instance short name", "a");
  type("Destination instance short name", "b");
  click("Next");
  click("Next");
  await screen.findByRole("button", { name: /Project for incoming sync/ });
  expectBlocked("Project", MESSAGES.projectRequired);
  await pickProject("Beta");
  click("Next");
  expect(currentStep()).toBe("Initiate");
});

describe("keyboard", () => {
  /** Escape pressed on `element`, as a browser sends it. */
  function escape(element: Element) {
    fireEvent.keyDown(element, { key: "Escape", code: "Escape", keyCode: 27, which: 27 });
  }

  test("Enter in the destination URL acts as Next, with the same checks", async () => {
    await openWizard();
    const field = screen.getByRole("textbox", { name: "Destination instance URL" });
    fireEvent.keyDown(field, { key: "Enter", code: "Enter", keyCode: 13, which: 13 });
    expect(currentStep()).toBe("Destination");
    expect(screen.getByText(MESSAGES.urlRequired)).toBeTruthy();
    type("Destination instance URL", "https://sync.example.com");
    fireEvent.keyDown(field, { key: "Enter", code: "Enter", keyCode: 13, which: 13 });
    expect(currentStep()).toBe("Mode");
  });

  test("Escape closes the panel with the focus on Next after a refused step", async () => {
    await openWizard();
    const next = screen.getByRole("button", { name: "Next" });
    next.focus();
    fireEvent.click(next);
    expect(screen.getByText(MESSAGES.urlRequired)).toBeTruthy();
    escape(next);
    await waitFor(() => expect(screen.queryByRole("list", { name: "Steps" })).toBeNull());
  });

  test("Escape closes the panel with the focus on the close button", async () => {
    await openWizard();
    const close = screen.getAllByRole("button", { name: "Close" })[0]!;
    close.focus();
    escape(close);
    await waitFor(() => expect(screen.queryByRole("list", { name: "Steps" })).toBeNull());
  });
});

test("the step list does not wrap; each step's full title is its tooltip", async () => {
  await openWizard();
  const list = screen.getByRole("list", { name: "Steps" });
  expect(list.classList.contains("flex-wrap")).toBe(false);
  const titles = [...list.querySelectorAll("li")].map((item) => item.getAttribute("title"));
  expect(titles).toEqual(["Destination", "Mode", "Short names", "Name", "Project", "Initiate"]);
});
