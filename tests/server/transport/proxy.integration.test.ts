/**
 * The transport's HTTP client: straight to the partner without proxy variables, and through
 * the forward proxy that `HTTP_PROXY` names when one is set (a node behind a corporate proxy).
 */
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

import { proxyAwareFetch } from "../../../src/server/transport/transport-client";

let partner: http.Server;
let proxy: http.Server;
const proxied: string[] = [];
const saved = { ...process.env };

const listen = (server: http.Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

beforeAll(async () => {
  partner = http.createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ path: request.url }));
  });
  // A forward proxy as undici uses one: a CONNECT tunnel per partner host; it records each.
  proxy = http.createServer((_request, response) => response.writeHead(405).end());
  proxy.on("connect", (request: http.IncomingMessage, client: Duplex, head: Buffer) => {
    proxied.push(request.url ?? "");
    const [host, port] = (request.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
});

afterAll(async () => {
  process.env = saved;
  for (const server of [partner, proxy]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test("without proxy variables the request goes straight to the partner", async () => {
  const partnerUrl = await listen(partner);
  await listen(proxy);
  for (const name of ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"]) {
    delete process.env[name];
  }
  const response = await proxyAwareFetch(`${partnerUrl}/transport/v1/ping`, { method: "GET" });
  expect(await response.json()).toEqual({ path: "/transport/v1/ping" });
  expect(proxied).toEqual([]);
});

test("with HTTP_PROXY set the request goes through that proxy", async () => {
  const partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
  process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  delete process.env.NO_PROXY;
  delete process.env.no_proxy;
  const response = await proxyAwareFetch(`${partnerUrl}/transport/v1/events`, { method: "GET" });
  expect(await response.json()).toEqual({ path: "/transport/v1/events" });
  expect(proxied).toEqual([partnerUrl.replace("http://", "")]);
});
