/**
 * The answer to the SDK's `initialHandshake` in both shapes the SDK accepts
 * (microsoft/azure-devops-extension-sdk `src/SDK.ts`, `init`):
 * - current: `{contributionId, context: {extension, pageContext, user, host}, initialConfig,
 *   themeData}`;
 * - legacy (SDK >= 4.1 tells it by a top-level `pageContext`): `{pageContext, extensionContext,
 *   contribution: {id, properties}, initialConfig, themeData, context: {user, host}}`; the SDK
 *   derives `extensionContext.id` itself, and since 4.2 reads user and host from `context`.
 */
import type { HostPageConfig } from "./page-config";
import { THEME_IDS, themeData, type ThemeName } from "./theme-data";

/** Page context of an organization-level settings page: no project, no team. */
function pageContext(config: HostPageConfig, theme: ThemeName) {
  return {
    globalization: {
      culture: "en-US",
      explicitTheme: "",
      theme: THEME_IDS[theme],
      timeZoneId: "UTC",
      timezoneOffset: 0,
      typeAheadDisabled: false,
    },
    timeZonesConfiguration: { daylightSavingsAdjustments: [] },
    webContext: {},
    // Not read by the SDK; present so that a hub can tell the organization without getHost().
    organization: config.organization,
  };
}

/** Handshake answer in today's shape. */
export function currentHandshake(config: HostPageConfig, theme: ThemeName) {
  return {
    contributionId: config.contributionId,
    context: {
      extension: config.extension,
      pageContext: pageContext(config, theme),
      user: config.user,
      host: config.host,
    },
    initialConfig: {},
    themeData: themeData(theme),
  };
}

/**
 * Handshake answer in the legacy shape, which some Azure DevOps pages still send
 * (microsoft/azure-devops-extension-sdk#103, microsoft/azure-devops-extension-sdk#133).
 */
export function legacyHandshake(config: HostPageConfig, theme: ThemeName) {
  const { publisherId, extensionId, version, baseUri } = config.extension;
  return {
    pageContext: pageContext(config, theme),
    extensionContext: { publisherId, extensionId, version, baseUri },
    contribution: { id: config.contributionId, properties: {} },
    initialConfig: {},
    themeData: themeData(theme),
    context: { user: config.user, host: config.host },
  };
}
