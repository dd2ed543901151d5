import { act, fireEvent, render, screen } from "@testing-library/react";
import * as React from "react";

jest.mock("copy-to-clipboard", () => jest.fn());

import copy from "copy-to-clipboard";

import { InvitationCodeField } from "../../../../src/hub/components/form/InvitationCodeField";
import { copyText } from "../../../../src/hub/services/clipboard";
import { type HubServices, HubServicesContext } from "../../../../src/hub/services/hubServices";

const legacyCopy = copy as unknown as jest.Mock;

function setClipboard(writeText: (() => Promise<void>) | undefined) {
  Object.defineProperty(navigator, "clipboard", {
    configurable: true,
    value: writeText ? { writeText: jest.fn(writeText) } : undefined,
  });
}

function renderField(notify = jest.fn()) {
  const services = { copyText, notify } as unknown as HubServices;
  render(
    <HubServicesContext.Provider value={services}>
      <InvitationCodeField invitationCode="INV-abc" />
    </HubServicesContext.Provider>,
  );
  return notify;
}

async function clickCopy() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Copy invitation code" }));
  });
}

beforeEach(() => legacyCopy.mockReset());

test("copies with the Clipboard API and says Copied", async () => {
  setClipboard(() => Promise.resolve());
  const notify = renderField();
  await clickCopy();
  expect(navigator.clipboard.writeText).toHaveBeenCalledWith("INV-abc");
  expect(screen.getByRole("status").textContent).toBe("Copied to the clipboard.");
  expect(notify).not.toHaveBeenCalled(); // the inline status says it; no second toast
  expect(legacyCopy).not.toHaveBeenCalled();
});

test("falls back to the legacy copy command when the Clipboard API is blocked", async () => {
  setClipboard(() => Promise.reject(new DOMException("blocked", "NotAllowedError")));
  legacyCopy.mockReturnValue(true);
  renderField();
  await clickCopy();
  expect(legacyCopy).toHaveBeenCalledWith("INV-abc", expect.anything());
  expect(screen.getByRole("status").textContent).toBe("Copied to the clipboard.");
});

test("when both fail it selects the code, says Press Ctrl+C, and never says Copied", async () => {
  setClipboard(() => Promise.reject(new DOMException("blocked", "NotAllowedError")));
  legacyCopy.mockReturnValue(false);
  const notify = renderField();
  await clickCopy();
  const field = screen.getByRole("textbox", { name: "Invitation code" }) as HTMLTextAreaElement;
  expect(document.activeElement).toBe(field);
  expect(field.selectionStart).toBe(0);
  expect(field.selectionEnd).toBe("INV-abc".length);
  const status = screen.getByRole("status").textContent ?? "";
  expect(status).toContain("Press Ctrl+C to copy");
  expect(status).not.toMatch(/Copied/i);
  expect(notify).not.toHaveBeenCalled();
});

test("with no Clipboard API at all, a throwing legacy copy also ends in Press Ctrl+C", async () => {
  setClipboard(undefined);
  legacyCopy.mockImplementation(() => {
    throw new Error("execCommand failed");
  });
  renderField();
  await clickCopy();
  expect(screen.getByRole("status").textContent).toContain("Press Ctrl+C to copy");
});
