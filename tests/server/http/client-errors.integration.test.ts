/**
 * Requests Node's HTTP parser refuses before any route runs still get an error body with a
 * catalogued code (docs/architecture.md#invariants), over a real socket; validation errors name
 * what is wrong.
 */
import net from "node:net";

import { startTestNode, type TestNode } from "../../helpers/test-node";

let node: TestNode;
let port = 0;

beforeAll(async () => {
  node = await startTestNode("sqlite");
  await node.app.listen({ port: 0, host: "127.0.0.1" });
  port = (node.app.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await node?.close();
});

/** Sends raw bytes and resolves with the whole answer once the server closes. */
function raw(request: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head, body = ""] = answer.split("\r\n\r\n");
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(head ?? "")?.[1]),
        body: JSON.parse(body),
      });
    });
  });
}

test("headers over Node's limit: 431 with SYNC_ERR_REQUEST_HEADERS_TOO_LARGE", async () => {
  const answer = await raw(
    `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
  );
  expect(answer.status).toBe(431);
  expect(answer.body).toMatchObject({ code: "SYNC_ERR_REQUEST_HEADERS_TOO_LARGE" });
  expect(typeof answer.body.requestId).toBe("string");
});

test.each([
  ["a broken request line", "GARBAGE\r\n\r\n"],
  [
    "a non-numeric Content-Length",
    "POST /api/v1/node HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
  ],
  [
    "both Transfer-Encoding and Content-Length",
    "POST /api/v1/node HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc",
  ],
])("%s: 400 with SYNC_ERR_REQUEST_INVALID", async (_name, request) => {
  const answer = await raw(request);
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ code: "SYNC_ERR_REQUEST_INVALID", statusCode: 400 });
});

test("a body that fails validation says which part and why", async () => {
  const response = await node.app.inject({
    method: "POST",
    url: "/api/v1/invitations/inspect",
    headers: { ...(await node.adminHeaders()), "content-type": "application/json" },
    payload: { wrong: true },
  });
  expect(response.statusCode).toBe(400);
  expect(response.json()).toMatchObject({
    code: "SYNC_ERR_REQUEST_INVALID",
    message: expect.stringMatching(/^The request is not valid: body .*invitationCode/),
  });
});
