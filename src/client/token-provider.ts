/**
 * Where the client gets its credentials. The hub implements this with the Azure DevOps SDK
 * (`SDK.getAppToken()` / `SDK.getAccessToken()`, see src/hub/services/tokens.ts); tests pass
 * plain functions. Keeping the SDK out of src/client makes the client testable in Node.
 */
export interface TokenProvider {
  /**
   * The extension app token (an HS256 JWT signed with the extension certificate).
   * @param refresh true after the node rejected the previous token with 401 (app tokens expire
   *   while the hub stays open): drop any cached token and ask the host for a fresh one.
   */
  getAppToken(refresh: boolean): Promise<string>;
  /**
   * The signed-in user's Azure DevOps access token, sent in `X-AzDO-Access-Token` so the node can
   * check that the user administers its organization (docs/architecture.md#trust-model).
   * @param refresh true after a 401, as for `getAppToken`.
   */
  getAccessToken(refresh: boolean): Promise<string>;
}
