import { Writable } from "node:stream";

import pino from "pino";

import { AdoHttp } from "../../../src/server/ado/ado-http";
import { startScriptedServer } from "../../helpers/scripted-ado-server";
import { TestClock } from "../../helpers/test-clock";

describe("AdoHttp logging", () => {
  it("logs retries through pino with method, path, status and delay, never the token", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: "debug" }, sink);
    const server = await startScriptedServer([() => ({ status: 200, json: { value: [] } })]);
    try {
      server.queue.push({ status: 503, json: { message: "VS800000" } });
      const token = "pat-7f3c-do-not-log";
      const http = new AdoHttp({
        organizationUrl: server.url,
        credential: { kind: "pat", token },
        product: "services",
        clock: TestClock.fixed(),
        logger,
      });
      await http.send({ method: "GET", path: "_apis/projects" });
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({
        method: "GET",
        path: "/contoso/_apis/projects",
        status: 503,
        attempts: 1,
        msg: "ado retry",
      });
      const basic = Buffer.from(`:${token}`).toString("base64");
      for (const line of lines) {
        expect(line).not.toContain(token);
        expect(line).not.toContain(basic);
      }
    } finally {
      await server.close();
    }
  });
});
