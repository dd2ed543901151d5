/**
 * Copying text inside an Azure DevOps iframe. The async Clipboard API is often blocked
 * there by the permissions policy (OfficeDev/office-js#1991), so we fall back to the legacy copy
 * command through copy-to-clipboard. The caller tells the user to press Ctrl+C when both fail;
 * it never says "Copied" after a failure.
 */
import copy from "copy-to-clipboard";

/** True when the text reached the clipboard by either route. Never throws. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Blocked by the iframe's permissions policy or without focus: try the legacy command.
  }
  try {
    return copy(text, { format: "text/plain", message: "Press #{key} to copy" });
  } catch {
    return false;
  }
}
