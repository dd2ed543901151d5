import { act, screen } from "@testing-library/react";

import { connection, type FakeBackend } from "../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "./helpers/hub-harness";
import { sdkMock } from "./helpers/sdk-mock";

jest.mock("azure-devops-extension-sdk", () => require("./helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(connection());
});

afterEach(restoreParent);

test("leaving and re-entering the hub renders the connection list every time", async () => {
  for (let visit = 0; visit < 3; visit++) {
    const view = await renderHub();
    await findTable();
    expect(screen.getByText("contoso_to_fabrikam")).toBeTruthy();
    view.unmount();
  }
  expect(sdkMock.sdk.init).toHaveBeenCalledTimes(1);
  expect(sdkMock.control.calls.notifyLoadSucceeded).toBe(1);
  const lists = backend.requests.filter((r) => r.url.endsWith("/api/v1/connections"));
  expect(lists).toHaveLength(3);
});

test("no request goes to the sync node before the handshake completes", async () => {
  const { render } = await import("@testing-library/react");
  const { HubRoot } = await import("../../src/hub/HubRoot");
  const React = await import("react");
  const view = render(React.createElement(HubRoot));
  await act(async () => undefined);
  expect(backend.requests).toHaveLength(0);
  await act(async () => sdkMock.control.resolveInit());
  await findTable();
  expect(backend.requests.length).toBeGreaterThan(0);
  view.unmount();
});

test("the in-iframe toast stands in when the host has no global messages service", async () => {
  sdkMock.control.services.delete("ms.vss-tfs-web.tfs-global-messages-service");
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
  try {
    const { showToast } = await import("../../src/hub/services/globalMessages");
    await renderHub();
    await act(async () => {
      jest.advanceTimersByTime(100);
    });
    const shown = showToast("Hello from the fallback");
    await act(async () => {
      jest.advanceTimersByTime(5_000);
      await shown;
    });
    expect(screen.getByText("Hello from the fallback")).toBeTruthy();
  } finally {
    jest.useRealTimers();
  }
});
