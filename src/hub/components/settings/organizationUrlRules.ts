/**
 * Comparing the organization (Services) or collection (Server) URL a sync node serves with the
 * one the hub runs in. URLs are compared without case in scheme and host, without a trailing
 * slash, and with `https://{org}.visualstudio.com` treated as `https://dev.azure.com/{org}`
 * (the two addresses of one Services organization).
 */

/** The comparable form of an organization or collection URL; the input when it is no URL. */
export function canonicalOrganizationUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    const legacy = /^([a-z0-9-]+)\.visualstudio\.com$/i.exec(parsed.hostname);
    const origin = legacy ? "https://dev.azure.com" : parsed.origin.toLowerCase();
    const path = legacy ? `/${legacy[1]}` : parsed.pathname;
    return `${origin}${path.replace(/\/+$/, "")}`.toLowerCase();
  } catch {
    return url.trim();
  }
}

/** True when both URLs name the same organization or collection. */
export function sameOrganization(a: string, b: string): boolean {
  return canonicalOrganizationUrl(a) === canonicalOrganizationUrl(b);
}
