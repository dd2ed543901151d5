import { Writable } from "node:stream";

import pino from "pino";

import { logOptions } from "../../../src/server/observability/log-options";

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, stream };
}

test("secrets never reach the log", () => {
  const { lines, stream } = capture();
  const logger = pino(logOptions("info"), stream);
  logger.info(
    {
      req: { headers: { authorization: "Bearer app-token", "x-azdo-access-token": "user-token" } },
      invitationCode: "SN1.code",
      body: { invitationCode: "SN1.nested", secret: "s1", pat: "p1" },
      pat: "p2",
      secret: "s2",
      err: { code: "SYNC_ERR_INVITATION_USED" },
    },
    "request",
  );
  const line = lines.join("");
  for (const secret of [
    "app-token",
    "user-token",
    "SN1.code",
    "SN1.nested",
    "s1",
    "p1",
    "p2",
    "s2",
  ]) {
    expect(line).not.toContain(`"${secret}`);
    expect(line).not.toContain(` ${secret}"`);
  }
  expect(line).toContain("[redacted]");
  expect(line).toContain("SYNC_ERR_INVITATION_USED");
});
