/**
 * How the project's browser tests and benchmarks start Chromium: Debian's binary (never a
 * downloaded browser), headless, offline and sandbox-less for containers.
 */

/** The browser binary (`CHROMIUM_PATH`; Default: /usr/bin/chromium, Debian's package). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Launch flags. Without the background-networking ones Chromium keeps reaching for Google's
 * hosts, which a closed network refuses.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
