import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { AdoHttp, type AdoHttpOptions } from "../../src/server/ado/ado-http";

/** A request the scripted server received. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** Answers one request; `drop` closes the socket without an answer. */
export type ScriptedAnswer =
  | { status: number; headers?: Record<string, string>; json?: unknown; text?: string }
  | { drop: true };

/** A handler: answer for a request (undefined: fall through to the next handler / 404). */
export type ScriptedHandler = (request: RecordedRequest) => ScriptedAnswer | undefined;

/**
 * A tiny HTTP server on 127.0.0.1:0 for client-level tests of wire behaviour the emulator
 * cannot script (exact header sequences). `queue` answers are used first, in order, then
 * `handlers`. Every request is recorded.
 */
export async function startScriptedServer(handlers: ScriptedHandler[] = []) {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedAnswer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", "http://127.0.0.1"),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      const answer = queue.shift() ?? handlers.map((h) => h(recorded)).find(Boolean);
      respond(res, answer ?? { status: 404, json: { message: "no handler" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/contoso`;
  return {
    url,
    requests,
    queue,
    /** A Services client of this server with a PAT; `options` override the defaults. */
    client: (options: Partial<AdoHttpOptions> = {}) =>
      new AdoHttp({
        organizationUrl: url,
        credential: { kind: "pat", token: "p" },
        product: "services",
        ...options,
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(res: ServerResponse, answer: ScriptedAnswer): void {
  if ("drop" in answer) {
    res.socket?.destroy();
    return;
  }
  const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? "");
  const type = answer.json !== undefined ? "application/json; charset=utf-8" : "text/plain";
  res.writeHead(answer.status, { "content-type": type, ...answer.headers });
  res.end(body);
}
