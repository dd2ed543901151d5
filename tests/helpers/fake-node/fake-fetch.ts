/** The jsdom way into the fake node: a `fetch` that hands each request to `answerRequest`. */
import { type Answer, answerContentType, answerText } from "./answer";
import { answerRequest, type FakeSite } from "./answer-request";
import type { FakeBackend } from "./fake-backend";
import { ADO_URL, NODE_URL } from "./fake-node-info";

/**
 * Answers `input` like `fetch` would, from `backend`: `NODE_URL` is the sync node, `ADO_URL`
 * Azure DevOps; any other origin rejects with `TypeError: Failed to fetch` (an unreachable
 * host) unless a failure is set for the route. Every request is recorded. Headers must be a plain object; a string
 * body is parsed as JSON. The `Response` has `ok`, `status`, `text()`, `json()` and
 * `headers.get()`.
 */
export async function fakeFetch(
  backend: FakeBackend,
  input: string,
  init: RequestInit = {},
): Promise<Response> {
  const origin = new URL(input).origin;
  const site: FakeSite = origin === NODE_URL ? "node" : origin === ADO_URL ? "ado" : null;
  const headers = Object.fromEntries(
    Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [
      k.toLowerCase(),
      v,
    ]),
  );
  const body = typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
  const method = (init.method ?? "GET").toUpperCase();
  const answer = await answerRequest(backend, site, { method, url: input, headers, body });
  if (!answer) throw new TypeError("Failed to fetch");
  return response(answer);
}

function response(answer: Answer): Response {
  const text = answerText(answer);
  const contentType = answerContentType(answer);
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    headers: {
      get: (name: string) => (name.toLowerCase() === "content-type" ? contentType : null),
    },
  } as unknown as Response;
}
