/**
 * A controllable stand-in for azure-devops-extension-sdk in jsdom tests. The real SDK and the
 * real frame protocol run in the browser tests on the dev host; here each test decides when
 * (and whether) the handshake completes, and what the host's services answer.
 */
export interface SdkMockControl {
  resolveInit(): void;
  rejectInit(error: Error): void;
  calls: { notifyLoadSucceeded: number; notifyLoadFailed: number; getAppToken: number };
  appToken: string;
  accessToken: string;
  /** Organization-scoped extension data (the hub stores `syncNodeUrl` here). */
  extensionData: Map<string, unknown>;
  /** Toasts shown through the host's global messages service. */
  toasts: string[];
  /** Host services by id; a missing id makes `getService` never answer (like a real host). */
  services: Map<string, unknown>;
  host: { name: string; serviceVersion: string; isHosted: boolean };
}

export const ORGANIZATION_URL = "http://ado.test/contoso/";

function defaultServices(control: SdkMockControl): Map<string, unknown> {
  return new Map<string, unknown>([
    [
      "ms.vss-features.extension-data-service",
      {
        getExtensionDataManager: async () => ({
          getValue: async (key: string, options?: { defaultValue?: unknown }) =>
            control.extensionData.has(key) ? control.extensionData.get(key) : options?.defaultValue,
          setValue: async (key: string, value: unknown) => {
            control.extensionData.set(key, value);
            return value;
          },
        }),
      },
    ],
    [
      "ms.vss-tfs-web.tfs-global-messages-service",
      { addToast: (toast: { message: string }) => control.toasts.push(toast.message) },
    ],
    ["ms.vss-features.location-service", { getServiceLocation: async () => ORGANIZATION_URL }],
  ]);
}

export function createSdkMock() {
  let resolveInit: () => void = () => undefined;
  let rejectInit: (error: Error) => void = () => undefined;
  const control: SdkMockControl = {
    resolveInit: () => resolveInit(),
    rejectInit: (e) => rejectInit(e),
    calls: { notifyLoadSucceeded: 0, notifyLoadFailed: 0, getAppToken: 0 },
    appToken: "app-token-1",
    accessToken: "access-token-1",
    extensionData: new Map(),
    toasts: [],
    services: new Map(),
    host: { name: "contoso", serviceVersion: "1", isHosted: true },
  };
  control.services = defaultServices(control);
  const sdk = {
    init: jest.fn(
      () =>
        new Promise<void>((resolve, reject) => {
          resolveInit = resolve;
          rejectInit = reject;
        }),
    ),
    ready: jest.fn(() => Promise.resolve()),
    getHost: jest.fn(() => ({ id: "h1", type: 4, ...control.host })),
    getUser: jest.fn(() => ({
      id: "u1",
      name: "admin",
      displayName: "Ada Admin",
      descriptor: "d",
      imageUrl: "",
    })),
    getExtensionContext: jest.fn(() => ({
      id: "idalko-tools.exalate",
      publisherId: "idalko-tools",
      extensionId: "exalate",
      version: "0.1.0",
    })),
    notifyLoadSucceeded: jest.fn(() => {
      control.calls.notifyLoadSucceeded++;
      return Promise.resolve();
    }),
    notifyLoadFailed: jest.fn(() => {
      control.calls.notifyLoadFailed++;
      return Promise.resolve();
    }),
    getAppToken: jest.fn(() => {
      control.calls.getAppToken++;
      return Promise.resolve(control.appToken);
    }),
    getAccessToken: jest.fn(() => Promise.resolve(control.accessToken)),
    getService: jest.fn(
      (id: string) =>
        new Promise((resolve) => {
          if (control.services.has(id)) resolve(control.services.get(id));
        }),
    ),
  };
  /** Back to a fresh host: no stored node URL, no toasts, default services and tokens. */
  const reset = () => {
    control.calls.notifyLoadSucceeded = 0;
    control.calls.notifyLoadFailed = 0;
    control.calls.getAppToken = 0;
    control.appToken = "app-token-1";
    control.accessToken = "access-token-1";
    control.extensionData.clear();
    control.toasts.length = 0;
    control.services = defaultServices(control);
    control.host = { name: "contoso", serviceVersion: "1", isHosted: true };
  };
  return { sdk, control, reset };
}

/**
 * The shared instance. Use it from a hoisted mock factory:
 * `jest.mock("azure-devops-extension-sdk", () => require("./sdk-mock").sdkMock.sdk)`.
 */
export const sdkMock = createSdkMock();
