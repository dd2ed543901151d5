/**
 * Entry of the dev host page script: frames the built hub from its own origin and answers the
 * SDK's frame protocol for it, like Azure DevOps' Organization settings page does.
 * Test hooks: `window.__devhost` (what the frame called, and `setTheme`).
 */
import { createHostControl, type HostRecord, newHostRecord } from "./host-control";
import { applyHostTheme, initialTheme } from "./host-theme";
import type { HostPageConfig } from "./page-config";
import { createServices } from "./services";
import { themeData, type ThemeName } from "./theme-data";
import { XdmHostChannel } from "./xdm-host";

/** The page's test hooks. */
export interface DevhostHooks extends HostRecord {
  theme: ThemeName;
  /** Switches the host theme and tells the frame (`themeChanged`) without a reload. */
  setTheme(theme: ThemeName): Promise<void>;
}

declare global {
  interface Window {
    __devhost: DevhostHooks;
  }
}

function readConfig(): HostPageConfig {
  const element = document.getElementById("host-config");
  if (!element?.textContent) throw new Error("The dev host page has no #host-config.");
  return JSON.parse(element.textContent) as HostPageConfig;
}

function createFrame(config: HostPageConfig): HTMLIFrameElement {
  const frame = document.createElement("iframe");
  frame.className = "external-content-host";
  frame.title = "Exalate";
  frame.setAttribute("role", "main");
  if (config.clipboardAllowed) frame.allow = "clipboard-read; clipboard-write";
  frame.src = config.hubUrl;
  return frame;
}

function start(): void {
  const config = readConfig();
  let theme: ThemeName = initialTheme(config.theme);
  applyHostTheme(theme);

  const record = newHostRecord();
  const frame = createFrame(config);
  const channel = new XdmHostChannel(frame, new URL(config.hubUrl).origin, (message) => {
    record.requests.push(`${message.instanceId}.${message.methodName ?? ""}`);
  });
  const settle = () => document.getElementById("host-progress")?.classList.add("done");
  channel.register(
    "DevOps.HostControl",
    createHostControl(config, record, { theme: () => theme, loadSettled: settle }),
  );
  const getService = createServices(config, { toast: (message) => record.toasts.push(message) });
  channel.register("DevOps.ServiceManager", { getService });

  const setTheme = async (next: ThemeName) => {
    theme = next;
    hooks.theme = next;
    applyHostTheme(next);
    if (record.handshakeAnswered) {
      await channel.invokeRemote("DevOps.SdkClient", "dispatchEvent", [
        "themeChanged",
        { detail: { data: themeData(next) } },
      ]);
    }
  };
  const hooks: DevhostHooks = Object.assign(record, { theme, setTheme });
  window.__devhost = hooks;
  document.getElementById("theme-toggle")?.addEventListener("click", () => {
    void setTheme(theme === "dark" ? "light" : "dark");
  });
  document.getElementById("hub-container")?.append(frame);
}

start();
