/**
 * The stand-in sync node of hub and client tests: one in-memory state and one answer function
 * (`answerRequest`), reached by `fetch` in jsdom (`createFakeBackend().fetch`) or over HTTP on
 * loopback (`serveFakeNode(backend)`).
 *
 * ```ts
 * const backend = createFakeBackend();
 * backend.connections.push(connection());
 * backend.failures.set("GET /api/v1/connections", { status: 502, text: "<html>Bad gateway</html>" });
 * globalThis.fetch = backend.fetch;                 // hub tests (jsdom)
 * const node = await serveFakeNode(backend);        // client tests: node.url, node.close()
 * ```
 */
export { type Answer, errorAnswer, syntaxAnswer } from "./answer";
export { answerRequest, type FakeRequest, type FakeSite } from "./answer-request";
export { connection } from "./connection";
export { createFakeBackend, type FakeBackend, type Recorded } from "./fake-backend";
export { fakeFetch } from "./fake-fetch";
export { ADO_URL, FAKE_NODE_INFO, NODE_URL } from "./fake-node-info";
export { DEFAULT_TEST_SCRIPTS, nodeAnswer } from "./node-answer";
export { type ServedFakeNode, serveFakeNode } from "./serve-fake-node";
export {
  BOGUS_FIELD_MESSAGE,
  createSettingsState,
  type FakeSettingsState,
  settingsRoute,
} from "./settings-routes";
export { syncError } from "./sync-error";
export { trigger } from "./trigger";
