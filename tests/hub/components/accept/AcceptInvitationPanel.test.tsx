import { act, fireEvent, screen, waitFor } from "@testing-library/react";

import {
  CODE_REQUIRED,
  PROJECT_REQUIRED,
} from "../../../../src/hub/components/accept/AcceptInvitationPanel";
import { errorText } from "../../../../src/hub/errorText";
import { ERROR_CODES, type ErrorCode } from "../../../../src/shared/errors";
import type { FakeBackend } from "../../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";
import { sdkMock } from "../../helpers/sdk-mock";
import { click, pickProject, type } from "../../helpers/wizard-helpers";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
});

afterEach(restoreParent);

async function openAccept() {
  await renderHub();
  await screen.findByText("No connections yet");
  fireEvent.click(screen.getByRole("menuitem", { name: "Accept invitation" }));
  await screen.findByRole("textbox", { name: "Invitation code" });
}

test("paste (with whitespace), Inspect, see what it is, pick a project, Accept", async () => {
  await openAccept();
  click("Inspect");
  expect(screen.getByText(CODE_REQUIRED)).toBeTruthy();
  type("Invitation code", "  INV-abc\n  def \n");
  await act(async () => click("Inspect"));
  await screen.findByText("Initiator short name");
  expect(screen.getByText("fabrikam")).toBeTruthy(); // initiator short name
  expect(screen.getByText("fabrikam_to_contoso")).toBeTruthy();
  expect(screen.getByText("Basic")).toBeTruthy();
  const inspect = backend.requests.find((r) => r.url.endsWith("/invitations/inspect"));
  expect(inspect?.body).toEqual({ invitationCode: "INV-abcdef" });

  await screen.findByRole("button", { name: /Project for incoming sync/ });
  click("Accept");
  expect(screen.getByText(PROJECT_REQUIRED)).toBeTruthy();
  await pickProject("Alpha");
  await act(async () => click("Accept"));
  await waitFor(() =>
    expect(sdkMock.control.toasts).toContain("Connection fabrikam_to_contoso is active."),
  );
  await findTable();
  const row = screen.getAllByRole("row")[1].textContent ?? "";
  expect(row).toContain("fabrikam_to_contoso");
  expect(row).toContain("Active");
  const accept = backend.requests.find((r) => r.url.endsWith("/invitations/accept"));
  expect(accept?.body).toEqual({
    invitationCode: "INV-abcdef",
    incomingProject: { id: "p-alpha", name: "Alpha" },
  });
});

const invitationCodes = ERROR_CODES.filter((code) => code.startsWith("SYNC_ERR_INVITATION_"));

test("every invitation error code has its own text", () => {
  const texts = invitationCodes.map(errorText);
  expect(new Set(texts).size).toBe(invitationCodes.length);
});

test.each(invitationCodes)(
  "an invitation code rejected with %s shows its own message",
  async (code: ErrorCode) => {
    backend.invitationErrors.set("BROKEN", code);
    await openAccept();
    type("Invitation code", "BROKEN");
    await act(async () => click("Inspect"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(errorText(code));
    expect(alert.textContent).toContain(code);
    expect(backend.connections).toHaveLength(0);
  },
);

test("an error at Accept (code used meanwhile) is shown with its code; nothing is listed", async () => {
  await openAccept();
  type("Invitation code", "USED-LATER");
  await act(async () => click("Inspect"));
  await pickProject("Beta");
  backend.invitationErrors.set("USED-LATER", "SYNC_ERR_INVITATION_USED");
  await act(async () => click("Accept"));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("SYNC_ERR_INVITATION_USED");
  expect(screen.getByRole("button", { name: "Accept" })).toBeTruthy();
});
