/**
 * The host page's own theme: the same variables the frame receives, declared on the host
 * document's `:root`, remembered in localStorage so a reload keeps the person's choice.
 * `?theme=dark|light` in the page URL wins over the remembered choice.
 */
import { themeCss, themeData, type ThemeName } from "./theme-data";

const STORAGE_KEY = "devhost-theme";

/** The theme to start with: URL parameter, then the remembered choice, then `fallback`. */
export function initialTheme(fallback: ThemeName): ThemeName {
  const requested = new URL(window.location.href).searchParams.get("theme");
  if (requested === "dark" || requested === "light") return requested;
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === "dark" || stored === "light" ? stored : fallback;
}

/** Declares the theme's variables on the host page and remembers the choice. */
export function applyHostTheme(theme: ThemeName): void {
  let style = document.getElementById("host-theme");
  if (!style) {
    style = document.createElement("style");
    style.id = "host-theme";
    document.head.append(style);
  }
  style.textContent = themeCss(themeData(theme));
  document.documentElement.dataset.theme = theme;
  localStorage.setItem(STORAGE_KEY, theme);
  const toggle = document.getElementById("theme-toggle");
  toggle?.setAttribute("aria-pressed", String(theme === "dark"));
  if (toggle) toggle.title = theme === "dark" ? "Switch to light theme" : "Switch to dark theme";
}
