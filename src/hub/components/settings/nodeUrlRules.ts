/** Rules for the sync node URL typed into Node settings. */

export const NODE_URL_MESSAGES = {
  required: "Enter the URL of this organization's sync node.",
  invalid: "Enter an absolute http or https URL, such as https://sync.contoso.example.",
  extras: "Leave out user name, password, query string and fragment.",
} as const;

/** The rule violation of `value`, or undefined when it is a usable node URL. */
export function nodeUrlError(value: string): string | undefined {
  const text = value.trim();
  if (!text) return NODE_URL_MESSAGES.required;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return NODE_URL_MESSAGES.invalid;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return NODE_URL_MESSAGES.invalid;
  if (url.username || url.password || url.search || url.hash) return NODE_URL_MESSAGES.extras;
  return undefined;
}

/** The URL as stored: trimmed, without trailing slashes. */
export function normalizeNodeUrl(value: string): string {
  return value.trim().replace(/\/+$/, "");
}
