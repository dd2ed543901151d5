/**
 * The SDK services the dev host offers through `DevOps.ServiceManager.getService(id)`
 * (contribution ids from microsoft/azure-devops-extension-api `src/Common/CommonServices.ts`,
 * `CommonServiceIds`):
 * location, host navigation, global messages, extension data and host page layout.
 * Every method may be called through the frame protocol, so each returns a value or a promise.
 */
import { createExtensionDataManager } from "./extension-data-client";
import {
  type BannerRequest,
  closeBanner,
  type MessageDialogRequest,
  showBanner,
  showMessageDialog,
  showToast,
  type ToastRequest,
} from "./host-ui";
import type { HostPageConfig } from "./page-config";

/** Contribution ids of the services (azure-devops-extension-api `CommonServiceIds`). */
export const SERVICE_IDS = {
  location: "ms.vss-features.location-service",
  navigation: "ms.vss-features.host-navigation-service",
  globalMessages: "ms.vss-tfs-web.tfs-global-messages-service",
  extensionData: "ms.vss-features.extension-data-service",
  pageLayout: "ms.vss-features.host-page-layout-service",
} as const;

/** What the services report back to the page (its test hooks). */
export interface ServiceObserver {
  toast(message: string): void;
}

/** Builds the service registry for one page; unknown ids are answered with an error. */
export function createServices(config: HostPageConfig, observer: ServiceObserver) {
  const services: Record<string, Record<string, unknown>> = {
    [SERVICE_IDS.location]: locationService(config),
    [SERVICE_IDS.navigation]: navigationService(config),
    [SERVICE_IDS.globalMessages]: globalMessagesService(observer),
    [SERVICE_IDS.extensionData]: {
      getExtensionDataManager: (extensionId: string, accessToken: string) =>
        createExtensionDataManager(
          config.extensionDataBase,
          extensionId,
          accessToken,
          config.user.id,
        ),
    },
    [SERVICE_IDS.pageLayout]: pageLayoutService(),
  };
  return (contributionId: string): Record<string, unknown> => {
    const service = services[contributionId];
    if (!service) throw new Error(`The dev host does not provide the service ${contributionId}.`);
    return service;
  };
}

/** `ILocationService`: every REST area lives at the emulated organization URL. */
function locationService(config: HostPageConfig) {
  const root = `${config.organizationUrl}/`;
  return {
    getResourceAreaLocation: (_resourceAreaId: string) => root,
    getServiceLocation: (_serviceInstanceType?: string, _hostType?: number) => root,
    routeUrl: (routeId: string, routeValues: Record<string, string> = {}) => {
      const query = new URLSearchParams({ routeId, ...routeValues });
      return `/${config.organization}/_settings/?${query.toString()}`;
    },
  };
}

/** `IHostNavigationService` over the host page's own URL and history. */
function navigationService(config: HostPageConfig) {
  const listeners: Array<(hash: string) => void> = [];
  window.addEventListener("hashchange", () => {
    const hash = window.location.hash.slice(1);
    for (const listener of listeners) void listener(hash);
  });
  return {
    getHash: () => window.location.hash.slice(1),
    setHash: (hash: string) => {
      window.location.hash = hash;
    },
    replaceHash: (hash: string) => {
      history.replaceState(null, "", `#${hash}`);
    },
    onHashChanged: (callback: (hash: string) => void) => {
      listeners.push(callback);
    },
    getQueryParams: () => Object.fromEntries(new URLSearchParams(window.location.search)),
    setQueryParams: (parameters: Record<string, string>) => {
      const url = new URL(window.location.href);
      for (const [key, value] of Object.entries(parameters)) {
        if (value) url.searchParams.set(key, value);
        else url.searchParams.delete(key);
      }
      history.replaceState(null, "", url.toString());
    },
    getPageRoute: () => ({
      id: "ms.vss-admin-web.collection-admin-hub-route",
      routeValues: { adminPivot: config.contributionId, controller: "ContributedPage" },
    }),
    getPageNavigationElements: () => [
      { id: "ms.vss-web.collection-admin-hub-group", type: "hubGroup", name: "Extensions" },
      { id: config.contributionId, type: "hub", name: "Exalate" },
    ],
    navigate: (url: string) => {
      window.location.href = url;
    },
    openNewWindow: (url: string, features: string) => {
      window.open(url, "_blank", features);
    },
    reload: () => window.location.reload(),
    setDocumentTitle: (title: string) => {
      document.title = title;
    },
  };
}

/** `IGlobalMessagesService`: toasts, banners and simple dialogs drawn by the host. */
function globalMessagesService(observer: ServiceObserver) {
  return {
    addToast: (toast: ToastRequest) => {
      observer.toast(toast.message);
      showToast(toast);
    },
    addBanner: (banner: BannerRequest) => showBanner(banner),
    closeBanner: () => closeBanner(),
    addDialog: (dialog: { title?: string; contentText?: string } & MessageDialogRequest) =>
      showMessageDialog(dialog.contentText ?? "", dialog),
    closeDialog: () => document.querySelector(".host-dialog-overlay")?.remove(),
  };
}

/** `IHostPageLayoutService`: full-screen mode and message dialogs; no external content. */
function pageLayoutService() {
  return {
    getFullScreenMode: () => document.body.classList.contains("full-screen"),
    setFullScreenMode: (on: boolean) => {
      document.body.classList.toggle("full-screen", on);
    },
    openMessageDialog: (message: string, options?: MessageDialogRequest) =>
      showMessageDialog(message, options),
    openCustomDialog: (contributionId: string) => {
      throw new Error(`The dev host cannot show external content (${contributionId}).`);
    },
    openPanel: (contributionId: string) => {
      throw new Error(`The dev host cannot show external content (${contributionId}).`);
    },
  };
}
