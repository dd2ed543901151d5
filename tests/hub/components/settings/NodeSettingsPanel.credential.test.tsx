import { fireEvent, screen, waitFor } from "@testing-library/react";

import { HUB_ERROR_TEXT } from "../../../../src/hub/errorText";
import { connection, errorAnswer, type FakeBackend } from "../../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";
import { sdkMock } from "../../helpers/sdk-mock";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(connection());
  backend.credentialErrors.set("expired-pat", "SYNC_ERR_CREDENTIAL_INVALID");
  backend.credentialErrors.set("read-only-pat", "SYNC_ERR_CREDENTIAL_PERMISSION");
});

afterEach(restoreParent);

async function openNodeSettings(): Promise<void> {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("menuitem", { name: "Node settings" }));
  await screen.findByText("Background sync credential", {}, { timeout: 5000 });
}

function patField(): HTMLInputElement {
  return document.querySelector<HTMLInputElement>('input[aria-label="Personal access token"]')!;
}

function enterPat(value: string): void {
  fireEvent.change(patField(), { target: { value } });
  fireEvent.click(screen.getByRole("button", { name: "Verify and save token" }));
}

test("no token: a password field; invalid and missing-permission tokens get distinct messages", async () => {
  await openNodeSettings();
  await waitFor(() => expect(patField()).not.toBeNull());
  expect(patField().type).toBe("password");
  enterPat("expired-pat");
  expect(await screen.findByText(HUB_ERROR_TEXT.SYNC_ERR_CREDENTIAL_INVALID!)).toBeTruthy();
  expect(screen.getByText("(SYNC_ERR_CREDENTIAL_INVALID)")).toBeTruthy();
  // Already in Node settings: no button pointing at it.
  expect(screen.queryByRole("button", { name: "Node settings" })).toBeNull();
  enterPat("read-only-pat");
  expect(await screen.findByText(HUB_ERROR_TEXT.SYNC_ERR_CREDENTIAL_PERMISSION!)).toBeTruthy();
  expect(screen.queryByText(HUB_ERROR_TEXT.SYNC_ERR_CREDENTIAL_INVALID!)).toBeNull();
  expect(backend.credential.source).toBe("none");
});

test("a verified token is saved, never shown again, and can only be replaced", async () => {
  await openNodeSettings();
  await waitFor(() => expect(patField()).not.toBeNull());
  enterPat("good-pat");
  expect(await screen.findByText(/A token is stored/)).toBeTruthy();
  expect(sdkMock.control.toasts).toContain("Background sync credential verified and saved.");
  const put = backend.requests.find((r) => r.method === "PUT");
  expect(put?.url).toBe("http://node.test/api/v1/node/credential");
  expect(put?.body).toEqual({ pat: "good-pat" });
  expect(patField()).toBeNull();
  expect(document.body.innerHTML).not.toContain("good-pat");
  fireEvent.click(screen.getByRole("button", { name: "Replace" }));
  expect(patField().value).toBe("");
});

test("a failed status load shows the code and Retry", async () => {
  backend.failures.set("GET /api/v1/node/credential", errorAnswer("SYNC_ERR_INTERNAL"));
  await openNodeSettings();
  expect(await screen.findByText("(SYNC_ERR_INTERNAL)")).toBeTruthy();
  backend.failures.clear();
  fireEvent.click(screen.getByRole("button", { name: "Retry" }));
  await waitFor(() => expect(patField()).not.toBeNull());
});

test("changing the token clears the previous error, also when the new one is only spaces", async () => {
  await openNodeSettings();
  await waitFor(() => expect(patField()).not.toBeNull());
  enterPat("expired-pat");
  expect(await screen.findByText("(SYNC_ERR_CREDENTIAL_INVALID)")).toBeTruthy();
  fireEvent.change(patField(), { target: { value: "   " } });
  expect(screen.queryByText("(SYNC_ERR_CREDENTIAL_INVALID)")).toBeNull();
  expect(
    screen.getByRole("button", { name: "Verify and save token" }).getAttribute("aria-disabled"),
  ).toBe("true");
});
