/** Script of dev host pages that frame nothing (settings pages, Boards): theme and its toggle. */
import { applyHostTheme, initialTheme } from "./host-theme";

let theme = initialTheme("light");
applyHostTheme(theme);
document.getElementById("theme-toggle")?.addEventListener("click", () => {
  theme = theme === "dark" ? "light" : "dark";
  applyHostTheme(theme);
});
