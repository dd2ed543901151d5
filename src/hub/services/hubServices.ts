/**
 * Everything components need from outside the iframe, in one object provided through React
 * context. Components never call `fetch` or the SDK themselves.
 */
import * as React from "react";

import { SyncNodeClient, type TokenProvider } from "../../client";
import type { ProjectRef } from "../../shared/contracts";
import { copyText } from "./clipboard";
import { readNodeUrl, saveNodeUrl } from "./extensionData";
import { showToast } from "./globalMessages";
import type { HostContext } from "./host";
import { getOrganizationUrl } from "./location";
import { listProjects } from "./projects";
import { createSdkTokenProvider } from "./tokens";

/** The hub's view of the world outside its components. */
export interface HubServices {
  host: HostContext;
  /** The stored sync node URL, or null on first run. */
  readNodeUrl(): Promise<string | null>;
  saveNodeUrl(url: string): Promise<void>;
  /** A client of the sync node at `nodeUrl` (one per URL, sharing the SDK tokens). */
  clientFor(nodeUrl: string): SyncNodeClient;
  /**
   * This organization's (Services) or collection's (Server) base URL as the host's location
   * service gives it, ending in "/" (e.g. `https://dev.azure.com/contoso/`).
   */
  organizationUrl(): Promise<string>;
  /** This organization's projects, for the project for incoming sync. */
  listProjects(): Promise<ProjectRef[]>;
  /** Shows a toast (host toast, or the in-iframe fallback). */
  notify(message: string): void;
  /** Copies text; false when the clipboard is blocked (OfficeDev/office-js#1991). */
  copyText(text: string): Promise<boolean>;
}

/** Builds the real services over the SDK, once the handshake has completed. */
export function createHubServices(host: HostContext, tokens?: TokenProvider): HubServices {
  const tokenProvider = tokens ?? createSdkTokenProvider();
  const clients = new Map<string, SyncNodeClient>();
  return {
    host,
    readNodeUrl,
    saveNodeUrl,
    clientFor(nodeUrl) {
      let client = clients.get(nodeUrl);
      if (!client) {
        client = new SyncNodeClient({ nodeUrl, tokens: tokenProvider });
        clients.set(nodeUrl, client);
      }
      return client;
    },
    organizationUrl: getOrganizationUrl,
    listProjects: () => listProjects(host),
    notify: (message) => void showToast(message),
    copyText,
  };
}

export const HubServicesContext = React.createContext<HubServices | null>(null);

/** The hub's services; only valid below `HubServicesContext.Provider` (set up by HubRoot). */
export function useHubServices(): HubServices {
  const services = React.useContext(HubServicesContext);
  if (!services) throw new Error("useHubServices() used outside HubServicesContext");
  return services;
}
