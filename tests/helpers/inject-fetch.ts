/**
 * A `fetch` for the transport that sends each request to an in-process app with
 * `app.inject()` instead of the network: for tests whose nodes do not listen.
 */
import type { NodeApp } from "../../src/server/http/node-app";
import type { HttpFetch } from "../../src/server/transport/transport-context";

/** Routes requests to `target()` (any URL); unreachable (a TypeError, as fetch) when it returns undefined. */
export function injectFetch(target: () => NodeApp | undefined): HttpFetch {
  return async (url, init) => {
    const app = target();
    if (!app) throw new TypeError("fetch failed");
    const parsed = new URL(url);
    const response = await app.inject({
      method: (init.method ?? "GET") as "GET" | "POST",
      url: parsed.pathname + parsed.search,
      headers: init.headers as Record<string, string>,
      payload:
        init.body === undefined || init.body === null
          ? undefined
          : Buffer.from(init.body as Uint8Array),
    });
    return new Response(response.body === "" ? null : response.body, {
      status: response.statusCode,
      headers: { "content-type": String(response.headers["content-type"] ?? "application/json") },
    });
  };
}
