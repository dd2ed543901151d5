/**
 * A controllable stand-in for azure-devops-extension-sdk in jsdom tests. The real SDK and the
 * real frame protocol run in the browser tests on the dev host; here each test decides when
 * (and whether) the handshake completes.
 */
export interface SdkMockControl {
  resolveInit(): void;
  rejectInit(error: Error): void;
  calls: { notifyLoadSucceeded: number; notifyLoadFailed: number };
  appToken: string;
  accessToken: string;
}

export function createSdkMock() {
  let resolveInit: () => void = () => undefined;
  let rejectInit: (error: Error) => void = () => undefined;
  const control: SdkMockControl = {
    resolveInit: () => resolveInit(),
    rejectInit: (e) => rejectInit(e),
    calls: { notifyLoadSucceeded: 0, notifyLoadFailed: 0 },
    appToken: "app-token-1",
    accessToken: "access-token-1",
  };
  const sdk = {
    init: jest.fn(
      () =>
        new Promise<void>((resolve, reject) => {
          resolveInit = resolve;
          rejectInit = reject;
        }),
    ),
    ready: jest.fn(() => Promise.resolve()),
    getHost: jest.fn(() => ({
      id: "h1",
      name: "contoso",
      serviceVersion: "1",
      type: 4,
      isHosted: true,
    })),
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
    getAppToken: jest.fn(() => Promise.resolve(control.appToken)),
    getAccessToken: jest.fn(() => Promise.resolve(control.accessToken)),
    getService: jest.fn(() => Promise.resolve({})),
  };
  return { sdk, control };
}

/**
 * The shared instance. Use it from a hoisted mock factory:
 * `jest.mock("azure-devops-extension-sdk", () => require("./sdk-mock").sdkMock.sdk)`.
 */
export const sdkMock = createSdkMock();
