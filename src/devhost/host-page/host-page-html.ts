/**
 * Server-rendered pages of the dev host that look like Azure DevOps' Organization settings:
 * top bar with the organization, left navigation, and a content area that either frames the
 * hub (the Exalate page) or shows a plain settings page.
 */
import type { HostPageConfig } from "./browser/page-config";
import { html, jsonScript, type SafeHtml } from "./html";
import { EXALATE_PAGE_ID, SETTINGS_NAV } from "./settings-nav";

/** What every dev host page needs to draw its chrome. */
export interface ChromeOptions {
  organization: string;
  /** Breadcrumb after the organization, e.g. ["Settings", "Exalate"]. */
  breadcrumb: string[];
  /** Selected settings page id, if this is a settings page. */
  selected?: string;
  userDisplayName: string;
  /** The page's title in the browser tab. */
  title: string;
}

/** The Exalate settings page: chrome plus the frame, driven by the host page script. */
export function renderHubPage(chrome: ChromeOptions, config: HostPageConfig): string {
  const content = html`<div class="host-progress" id="host-progress" aria-hidden="true"></div>
    <div id="host-banners"></div>
    <div id="hub-container" class="hub-container"></div>`;
  return renderChrome(chrome, content, config);
}

/** A settings page the dev host does not emulate, or the Overview. */
export function renderSettingsPage(chrome: ChromeOptions, body: SafeHtml): string {
  return renderChrome(chrome, html`<div class="settings-page">${body}</div>`);
}

/** Wraps `content` in the top bar and (for settings pages) the left navigation. */
export function renderChrome(
  chrome: ChromeOptions,
  content: SafeHtml,
  config?: HostPageConfig,
): string {
  const org = chrome.organization;
  const crumbs = chrome.breadcrumb.map(
    (c) => html`<span class="crumb-sep">/</span><span>${c}</span>`,
  );
  const nav = chrome.selected === undefined ? html`` : settingsNav(org, chrome.selected);
  const script = config
    ? html`<script type="application/json" id="host-config">
          ${jsonScript(config)}
        </script>
        <script src="/_devhost/host-page.js"></script>`
    : html`<script src="/_devhost/theme.js"></script>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${chrome.title}</title>
        <link rel="stylesheet" href="/_devhost/host-page.css" />
      </head>
      <body>
        <header class="top-bar">
          <a class="product-logo" href="/${org}/" aria-label="Azure DevOps">${logo()}</a>
          <nav class="breadcrumb" aria-label="Breadcrumb">
            <a class="crumb-org" href="/${org}/">${org}</a>${crumbs}
          </nav>
          <div class="top-actions">
            <a class="top-link" href="/${org}/_boards">Boards</a>
            <a class="top-link" href="/${org}/_settings/${EXALATE_PAGE_ID}">Settings</a>
            <button
              id="theme-toggle"
              class="icon-button"
              type="button"
              aria-label="Dark theme"
              aria-pressed="false"
            >
              ${themeIcon()}
            </button>
            <span class="avatar" title="${chrome.userDisplayName}"
              >${initials(chrome.userDisplayName)}</span
            >
          </div>
        </header>
        <div class="body-row">
          ${nav}
          <main class="content">${content}</main>
        </div>
        <div id="host-toasts" class="host-toasts" aria-live="polite"></div>
        ${script}
      </body>
    </html>`.value;
}

function settingsNav(org: string, selected: string): SafeHtml {
  const groups = SETTINGS_NAV.map(
    ({ group, pages }) =>
      html`<div class="nav-group" role="group" aria-label="${group}">
        <div class="nav-group-title">${group}</div>
        ${pages.map(
          (p) =>
            html`<a
              class="nav-item${p.id === selected ? " selected" : ""}"
              href="/${org}/_settings/${p.id}"
              ${p.id === selected ? html`aria-current="page"` : html``}
              >${p.label}</a
            >`,
        )}
      </div>`,
  );
  return html`<nav class="settings-nav" aria-label="Organization settings">
    <div class="nav-title">
      <span class="org-badge">${initials(org)}</span><span>Organization Settings</span>
    </div>
    <div class="nav-scroll">${groups}</div>
  </nav>`;
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : name.slice(0, 1);
  return letters.toUpperCase();
}

function logo(): SafeHtml {
  return html`<svg width="20" height="20" viewBox="0 0 16 16" aria-hidden="true">
    <path
      fill="currentColor"
      d="M15 3.6v8.2l-3.4 2.8-5.2-1.9v1.9L3.4 10.7l8.6.7V4L15 3.6zm-2.9.4L7.3 1v2L2.9 4.3 1.6 6v3.8l1.8.8V5.7l8.7-1.7z"
    />
  </svg>`;
}

function themeIcon(): SafeHtml {
  return html`<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
    <path fill="currentColor" d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1v12A6 6 0 0 1 8 2z" />
  </svg>`;
}
