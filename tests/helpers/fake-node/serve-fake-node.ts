/**
 * The HTTP way into the fake node: a `node:http` server on loopback that hands each request to
 * `answerRequest`, for client tests that need real HTTP (timeouts, non-JSON bodies, refused
 * connections, 401 and retry).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { answerContentType, answerText } from "./answer";
import { answerRequest } from "./answer-request";
import type { FakeBackend } from "./fake-backend";

/** A listening fake node: its base URL (`http://127.0.0.1:<port>`, no trailing slash). */
export interface ServedFakeNode {
  url: string;
  /** Stops listening and drops open connections (hanging or delayed answers included). */
  close(): Promise<void>;
}

/**
 * Serves `backend` as the sync node on 127.0.0.1 with a random port. The request is recorded
 * (`backend.requests`, its `url` under the served URL) and answered as `backend.fetch` would
 * answer the same path on `NODE_URL`; a JSON request body that does not parse is recorded as
 * its text.
 */
export async function serveFakeNode(backend: FakeBackend): Promise<ServedFakeNode> {
  const server = createServer((request, response) => {
    void respond(backend, url, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { url, close };
}

async function respond(
  backend: FakeBackend,
  baseUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const answer = await answerRequest(backend, "node", {
    method: request.method ?? "GET",
    url: `${baseUrl}${request.url ?? "/"}`,
    headers,
    body: text === "" ? undefined : parse(text),
  });
  if (!answer || response.destroyed) return;
  const contentType = answerContentType(answer);
  if (contentType) response.setHeader("content-type", contentType);
  response.statusCode = answer.status;
  response.end(answerText(answer));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
