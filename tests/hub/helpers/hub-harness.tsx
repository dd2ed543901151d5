/**
 * Renders the whole hub in jsdom: the SDK mock answers the handshake and the host services,
 * the fake backend answers `fetch` (sync node and Azure DevOps). Components, services and the
 * client all run for real.
 */
import { act, render, type RenderResult, screen } from "@testing-library/react";
import * as React from "react";

import { HubRoot } from "../../../src/hub/HubRoot";
import { resetHostConnectionForTests } from "../../../src/hub/services/host";
import { createFakeBackend, type FakeBackend, NODE_URL } from "../../helpers/fake-node";
import { sdkMock } from "./sdk-mock";

export { NODE_URL };

const realParent = Object.getOwnPropertyDescriptor(window, "parent");

/** Pretends the hub is framed by a host (window.parent !== window). */
export function pretendFramed(): void {
  Object.defineProperty(window, "parent", { configurable: true, get: () => ({}) as Window });
}

export function restoreParent(): void {
  if (realParent) Object.defineProperty(window, "parent", realParent);
}

/** Fresh SDK mock state, a fresh fake backend installed as `fetch`, and a node URL stored. */
export function setUpHub(options: { nodeUrl?: string | null } = {}): FakeBackend {
  resetHostConnectionForTests();
  sdkMock.reset();
  const nodeUrl = options.nodeUrl === undefined ? NODE_URL : options.nodeUrl;
  if (nodeUrl) sdkMock.control.extensionData.set("syncNodeUrl", nodeUrl);
  const backend = createFakeBackend();
  (globalThis as { fetch?: unknown }).fetch = backend.fetch;
  pretendFramed();
  return backend;
}

/** Renders HubRoot and completes the handshake. */
export async function renderHub(): Promise<RenderResult> {
  const result = render(<HubRoot />);
  await act(async () => sdkMock.control.resolveInit());
  return result;
}

/** Waits for the connections table (its header row) to appear. */
export async function findTable(): Promise<HTMLElement> {
  return screen.findByRole("table", { name: "Connections" }, { timeout: 5000 });
}
