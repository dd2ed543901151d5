/**
 * The host's theme variables, sent as `themeData` in the handshake and with `themeChanged`
 * (microsoft/azure-devops-extension-sdk `src/SDK.ts`, `init` and `applyTheme`). Names are the
 * CSS custom properties Azure DevOps defines and azure-devops-ui reads (the 71 names its
 * stylesheets use in `var(--name)`, in the azure-devops-ui 2.277.0 package). Palette entries are
 * RGB triplets ("0, 120, 212") that the other entries wrap in `rgba(var(--palette-...), a)`;
 * the rest are full CSS colours. The light set follows Azure DevOps' default theme; the dark set
 * follows its dark theme (near-black neutrals, a lighter primary blue for contrast).
 */

/** Theme names the host offers; Azure DevOps' own ids are in `THEME_IDS`. */
export const THEME_NAMES = ["light", "dark"] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** Azure DevOps theme contribution ids, reported in `pageContext.globalization.theme`. */
export const THEME_IDS: Record<ThemeName, string> = {
  light: "ms.vss-web.vsts-theme",
  dark: "ms.vss-web.vsts-theme-dark",
};

type ThemeData = Record<string, string>;

/** Entries that only reference palette triplets: identical in both themes. */
const DERIVED: ThemeData = {
  "palette-black-alpha-0": "rgba(var(--palette-neutral-100), 0)",
  "palette-black-alpha-2": "rgba(var(--palette-neutral-100), 0.02)",
  "palette-black-alpha-4": "rgba(var(--palette-neutral-100), 0.04)",
  "palette-black-alpha-6": "rgba(var(--palette-neutral-100), 0.06)",
  "palette-black-alpha-8": "rgba(var(--palette-neutral-100), 0.08)",
  "palette-black-alpha-10": "rgba(var(--palette-neutral-100), 0.10)",
  "palette-black-alpha-20": "rgba(var(--palette-neutral-100), 0.20)",
  "palette-black-alpha-30": "rgba(var(--palette-neutral-100), 0.30)",
  "palette-black-alpha-60": "rgba(var(--palette-neutral-100), 0.60)",
  "palette-black-alpha-70": "rgba(var(--palette-neutral-100), 0.70)",
  "palette-black-alpha-80": "rgba(var(--palette-neutral-100), 0.80)",
  "palette-black-alpha-100": "rgba(var(--palette-neutral-100), 1)",
  "background-color": "rgba(var(--palette-neutral-0), 1)",
  "communication-foreground": "rgba(var(--palette-primary-shade-20), 1)",
  "communication-background": "rgba(var(--palette-primary), 1)",
  "status-error-background": "rgba(var(--palette-accent1-light), 1)",
  "status-error-text": "rgba(var(--palette-accent1), 1)",
  "status-error-strong": "rgba(var(--palette-accent1-dark), 1)",
  "status-success-foreground": "rgba(var(--palette-accent2-dark), 1)",
  "status-success-background": "rgba(var(--palette-accent2-light), 1)",
  "status-warning-background": "rgba(var(--palette-accent3-light), 1)",
  "text-primary-color": "rgba(var(--palette-neutral-100), .9)",
  "text-secondary-color": "rgba(var(--palette-neutral-100), .55)",
  "text-disabled-color": "rgba(var(--palette-neutral-100), .38)",
  "text-on-communication-background": "var(--background-color)",
  "border-subtle-color": "rgba(var(--palette-neutral-100), .08)",
  "focus-pulse-max-color": "rgba(var(--palette-primary), 0.35)",
  "focus-pulse-min-color": "rgba(var(--palette-primary), 0.15)",
  "component-label-default-color": "rgba(var(--palette-neutral-6), 1)",
  "component-label-default-color-hover": "rgba(var(--palette-neutral-10), 1)",
  "component-grid-row-hover-color": "rgba(var(--palette-neutral-2), 1)",
  "component-grid-selected-row-color": "rgba(var(--palette-primary-tint-30), 1)",
  "component-grid-focus-border-color": "rgba(var(--palette-primary), 1)",
  "component-grid-link-selected-row-color": "rgba(var(--palette-primary-shade-10), 1)",
  "component-grid-link-hover-color": "rgba(var(--palette-primary-shade-20), 1)",
  "component-grid-action-hover-color": "rgba(var(--palette-neutral-8), 1)",
  "component-grid-action-selected-cell-hover-color": "rgba(var(--palette-primary-tint-30), 1)",
  "component-grid-cell-bottom-border-color": "rgba(var(--palette-neutral-8), 1)",
  "component-grid-drag-source-color": "rgba(var(--palette-neutral-0), 0.40)",
  "component-menu-selected-item-background": "rgba(var(--palette-neutral-4), 1)",
  "nav-header-background": "var(--background-color)",
  "nav-header-item-hover-background": "rgba(var(--palette-neutral-100), 0.02)",
  "nav-header-active-item-background": "rgba(var(--palette-neutral-100), 0.08)",
  "nav-header-text-primary-color": "var(--text-primary-color)",
  "nav-header-text-secondary-color": "var(--text-secondary-color)",
  "nav-header-product-color": "rgba(var(--palette-primary), 1)",
  "nav-vertical-item-hover-background": "rgba(var(--palette-neutral-100), 0.04)",
  "nav-vertical-active-group-background": "rgba(var(--palette-neutral-100), 0.06)",
  "nav-vertical-active-item-background": "rgba(var(--palette-neutral-100), 0.12)",
  "nav-vertical-text-primary-color": "var(--text-primary-color)",
  "nav-vertical-text-secondary-color": "var(--text-secondary-color)",
};

const LIGHT: ThemeData = {
  "palette-primary-darkened-6": "0, 103, 181",
  "palette-primary-darkened-10": "0, 91, 161",
  "palette-primary-shade-30": "0, 69, 120",
  "palette-primary-shade-20": "0, 90, 158",
  "palette-primary-shade-10": "16, 110, 190",
  "palette-primary": "0, 120, 212",
  "palette-primary-tint-10": "43, 136, 216",
  "palette-primary-tint-20": "199, 224, 244",
  "palette-primary-tint-30": "222, 236, 249",
  "palette-primary-tint-40": "239, 246, 252",
  "palette-neutral-100": "0, 0, 0",
  "palette-neutral-80": "51, 51, 51",
  "palette-neutral-70": "76, 76, 76",
  "palette-neutral-60": "102, 102, 102",
  "palette-neutral-30": "166, 166, 166",
  "palette-neutral-20": "200, 200, 200",
  "palette-neutral-10": "218, 218, 218",
  "palette-neutral-8": "234, 234, 234",
  "palette-neutral-6": "239, 239, 239",
  "palette-neutral-4": "244, 244, 244",
  "palette-neutral-2": "248, 248, 248",
  "palette-neutral-0": "255, 255, 255",
  "palette-error": "rgba(232, 17, 35, 1)",
  "palette-error-6": "rgba(203, 15, 31, 1)",
  "palette-error-10": "rgba(184, 14, 28, 1)",
  "palette-accent1-light": "249, 235, 235",
  "palette-accent1": "218, 10, 0",
  "palette-accent1-dark": "168, 0, 0",
  "palette-accent2-light": "223, 246, 221",
  "palette-accent2": "186, 216, 10",
  "palette-accent2-dark": "16, 124, 16",
  "palette-accent3-light": "255, 244, 206",
  "palette-accent3": "248, 168, 0",
  "palette-accent3-dark": "220, 182, 122",
  "status-info-foreground": "rgba(0, 120, 212, 1)",
  "status-info-background": "rgba(0, 120, 212, 1)",
  "status-error-foreground": "rgba(205, 74, 69, 1)",
  "status-warning-foreground": "rgba(250, 157, 45, 1)",
  "status-warning-text": "rgba(var(--palette-neutral-100), .9)",
  "status-warning-icon-foreground": "rgba(250, 157, 45, 1)",
  "callout-background-color": "var(--background-color)",
  "callout-filtered-background-color": "rgba(var(--palette-neutral-0), 0.86)",
  "callout-shadow-color": "rgba(0, 0, 0, .132)",
  "callout-shadow-secondary-color": "rgba(0, 0, 0, .108)",
  "panel-shadow-color": "rgba(0, 0, 0, .22)",
  "panel-shadow-secondary-color": "rgba(0, 0, 0, .18)",
  "splitter-border-color": "rgba(var(--palette-neutral-8), 1)",
  "third-party-icon-filter": "none",
  "component-status-success": "rgba(var(--palette-accent2-dark), 1)",
  "component-status-error": "rgba(205, 74, 69, 1)",
  "component-status-warning": "rgba(250, 157, 45, 1)",
  "component-status-info": "rgba(0, 120, 212, 1)",
  "component-status-neutral": "rgba(var(--palette-neutral-60), 1)",
  "nav-vertical-background-color": "rgba(var(--palette-neutral-4), 1)",
  "search-match-background": "rgba(255, 255, 0, 0.6)",
  "icon-folder-color": "#dcb67a",
};

const DARK: ThemeData = {
  "palette-primary-darkened-6": "55, 145, 219",
  "palette-primary-darkened-10": "49, 132, 201",
  "palette-primary-shade-30": "151, 199, 240",
  "palette-primary-shade-20": "108, 177, 234",
  "palette-primary-shade-10": "77, 163, 231",
  "palette-primary": "57, 153, 226",
  "palette-primary-tint-10": "35, 107, 163",
  "palette-primary-tint-20": "26, 68, 102",
  "palette-primary-tint-30": "22, 52, 77",
  "palette-primary-tint-40": "20, 38, 54",
  "palette-neutral-100": "255, 255, 255",
  "palette-neutral-80": "218, 218, 218",
  "palette-neutral-70": "190, 190, 190",
  "palette-neutral-60": "160, 160, 160",
  "palette-neutral-30": "110, 110, 110",
  "palette-neutral-20": "85, 85, 85",
  "palette-neutral-10": "66, 66, 66",
  "palette-neutral-8": "58, 58, 58",
  "palette-neutral-6": "51, 51, 51",
  "palette-neutral-4": "43, 43, 43",
  "palette-neutral-2": "37, 37, 37",
  "palette-neutral-0": "30, 30, 30",
  "palette-error": "rgba(241, 112, 123, 1)",
  "palette-error-6": "rgba(233, 90, 102, 1)",
  "palette-error-10": "rgba(222, 72, 85, 1)",
  "palette-accent1-light": "68, 39, 38",
  "palette-accent1": "241, 112, 123",
  "palette-accent1-dark": "255, 153, 164",
  "palette-accent2-light": "40, 58, 38",
  "palette-accent2": "84, 176, 84",
  "palette-accent2-dark": "107, 196, 107",
  "palette-accent3-light": "72, 58, 26",
  "palette-accent3": "252, 186, 56",
  "palette-accent3-dark": "255, 205, 110",
  "status-info-foreground": "rgba(57, 153, 226, 1)",
  "status-info-background": "rgba(57, 153, 226, 1)",
  "status-error-foreground": "rgba(241, 112, 123, 1)",
  "status-warning-foreground": "rgba(252, 186, 56, 1)",
  "status-warning-text": "rgba(var(--palette-neutral-100), .9)",
  "status-warning-icon-foreground": "rgba(252, 186, 56, 1)",
  // Primary buttons keep Azure blue with white text in the dark theme (contrast 4.5:1).
  "communication-background": "rgba(0, 120, 212, 1)",
  "text-on-communication-background": "rgba(255, 255, 255, 1)",
  "callout-background-color": "rgba(37, 37, 38, 1)",
  "callout-filtered-background-color": "rgba(37, 37, 38, 0.86)",
  "callout-shadow-color": "rgba(0, 0, 0, .4)",
  "callout-shadow-secondary-color": "rgba(0, 0, 0, .32)",
  "panel-shadow-color": "rgba(0, 0, 0, .6)",
  "panel-shadow-secondary-color": "rgba(0, 0, 0, .5)",
  "splitter-border-color": "rgba(var(--palette-neutral-10), 1)",
  "third-party-icon-filter": "invert(85%)",
  "component-status-success": "rgba(var(--palette-accent2-dark), 1)",
  "component-status-error": "rgba(241, 112, 123, 1)",
  "component-status-warning": "rgba(252, 186, 56, 1)",
  "component-status-info": "rgba(57, 153, 226, 1)",
  "component-status-neutral": "rgba(var(--palette-neutral-60), 1)",
  "nav-vertical-background-color": "rgba(var(--palette-neutral-2), 1)",
  "search-match-background": "rgba(255, 255, 0, 0.3)",
  "icon-folder-color": "#dcb67a",
};

/** The full variable map for `theme`, as the host sends it to the frame. */
export function themeData(theme: ThemeName): ThemeData {
  return { ...DERIVED, ...(theme === "dark" ? DARK : LIGHT) };
}

/** The CSS text declaring `data` on `:root`, for the host page's own chrome. */
export function themeCss(data: ThemeData): string {
  const declarations = Object.entries(data).map(([name, value]) => `--${name}: ${value}`);
  return `:root { ${declarations.join("; ")} }`;
}
