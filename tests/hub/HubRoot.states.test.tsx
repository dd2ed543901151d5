import { act, render, screen } from "@testing-library/react";
import * as React from "react";

import { sdkMock as mock } from "./helpers/sdk-mock";

jest.mock("azure-devops-extension-sdk", () => require("./helpers/sdk-mock").sdkMock.sdk);

import { HubRoot } from "../../src/hub/HubRoot";
import { resetHostConnectionForTests } from "../../src/hub/services/host";

const realParent = Object.getOwnPropertyDescriptor(window, "parent");

function pretendFramed(framed: boolean) {
  Object.defineProperty(window, "parent", {
    configurable: true,
    get: () => (framed ? ({} as Window) : window),
  });
}

beforeEach(() => {
  jest.useFakeTimers();
  resetHostConnectionForTests();
  mock.control.calls.notifyLoadSucceeded = 0;
  mock.control.calls.notifyLoadFailed = 0;
  pretendFramed(true);
});

afterEach(() => {
  jest.useRealTimers();
  if (realParent) Object.defineProperty(window, "parent", realParent);
});

test("shows a spinner while the handshake is pending, then the Connections page", async () => {
  render(<HubRoot />);
  expect(screen.getByText("Connecting to Azure DevOps...")).toBeTruthy();
  await act(async () => mock.control.resolveInit());
  expect(screen.getByText("Connections")).toBeTruthy();
  expect(screen.getByText("contoso")).toBeTruthy();
  expect(mock.control.calls.notifyLoadSucceeded).toBe(1);
});

test("shows the could-not-reach message with Reload when the host never answers", async () => {
  const reload = jest.fn();
  render(<HubRoot reload={reload} />);
  await act(async () => {
    jest.advanceTimersByTime(10_000);
  });
  expect(screen.getByText(/could not reach Azure DevOps/)).toBeTruthy();
  expect(screen.getByText(/SYNC_ERR_HOST_HANDSHAKE_TIMEOUT/)).toBeTruthy();
  screen.getByRole("button", { name: "Reload" }).click();
  expect(reload).toHaveBeenCalledTimes(1);
  expect(mock.control.calls.notifyLoadSucceeded).toBe(0);
  expect(mock.control.calls.notifyLoadFailed).toBe(1);
});

test("fails at once when the page is not framed by any host", async () => {
  pretendFramed(false);
  render(<HubRoot />);
  await act(async () => undefined);
  expect(screen.getByText(/could not reach Azure DevOps/)).toBeTruthy();
});

test("re-mounting after a completed handshake renders again without a new handshake", async () => {
  const first = render(<HubRoot />);
  await act(async () => mock.control.resolveInit());
  first.unmount();
  const initCalls = mock.sdk.init.mock.calls.length;
  render(<HubRoot />);
  await act(async () => undefined);
  expect(screen.getByText("Connections")).toBeTruthy();
  expect(mock.sdk.init.mock.calls.length).toBe(initCalls);
  expect(mock.control.calls.notifyLoadSucceeded).toBe(1);
});
