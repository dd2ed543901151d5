/**
 * The SDK-backed token provider of the sync node client (src/client/token-provider.ts). Tokens are
 * kept for reuse; the client asks for a refresh after a 401 (an app token expires while the hub
 * stays open), which drops the kept token and asks the host again.
 */
import * as SDK from "azure-devops-extension-sdk";

import type { TokenProvider } from "../../client";

/** Creates a token provider over `SDK.getAppToken()` and `SDK.getAccessToken()`. */
export function createSdkTokenProvider(): TokenProvider {
  let appToken: Promise<string> | undefined;
  let accessToken: Promise<string> | undefined;
  const forget = (kept: Promise<string>, clear: () => void) =>
    kept.catch((error: unknown) => {
      clear();
      throw error;
    });
  return {
    getAppToken(refresh) {
      if (refresh || !appToken) {
        appToken = forget(SDK.getAppToken(), () => (appToken = undefined));
      }
      return appToken;
    },
    getAccessToken(refresh) {
      if (refresh || !accessToken) {
        accessToken = forget(SDK.getAccessToken(), () => (accessToken = undefined));
      }
      return accessToken;
    },
  };
}
