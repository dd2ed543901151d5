/**
 * The one answer function of the fake node: both ways in (`fetch` and the loopback server)
 * hand every request to `answerRequest`, which records it, applies the test's steering
 * (hanging routes, gates, failures, delays) and otherwise answers from the state.
 */
import { type Answer } from "./answer";
import type { FakeBackend } from "./fake-backend";
import { nodeAnswer } from "./node-answer";

/** Which fake server a request reached: the sync node, Azure DevOps, or none (unreachable). */
export type FakeSite = "node" | "ado" | null;

/**
 * A request as both ways in see it: `url` the full URL as requested, `headers` with lower-case
 * names, `body` the parsed JSON body (undefined when there was none).
 */
export interface FakeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Records `request` and answers it as `site` would. Never settles for a hanging route; waits
 * for a route's gate; a failure set for the route wins over the state's answer; an answer's
 * `delayMs` is waited out before it is returned. Answers null when nothing listens (`site`
 * null) and no failure is set for the route.
 */
export async function answerRequest(
  backend: FakeBackend,
  site: FakeSite,
  request: FakeRequest,
): Promise<Answer | null> {
  const { method, headers, body } = request;
  const url = new URL(request.url);
  backend.requests.push({
    method,
    url: request.url,
    path: url.pathname + url.search,
    headers,
    body,
  });
  const key = `${method} ${url.pathname}`;
  if (backend.hanging.has(key)) return new Promise<Answer | null>(() => undefined);
  await backend.gates.get(key);
  const answer = backend.failures.get(key) ?? siteAnswer(backend, site, method, url, headers, body);
  if (!answer) return null;
  if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  return answer;
}

function siteAnswer(
  backend: FakeBackend,
  site: FakeSite,
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: unknown,
): Answer | null {
  if (site === "ado") return projectsAnswer(backend, url);
  if (site === "node") return nodeAnswer(backend, method, url.pathname, headers, body);
  return null;
}

/** Azure DevOps' project list of organization `contoso`; any other path is a 404. */
function projectsAnswer(backend: FakeBackend, url: URL): Answer {
  if (url.pathname !== "/contoso/_apis/projects") return { status: 404 };
  return { status: 200, body: { count: backend.projects.length, value: backend.projects } };
}
