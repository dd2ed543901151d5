/**
 * Picks a free loopback TCP port by letting the OS choose one. Child processes (sync nodes)
 * need their port before they start, because a public node's PUBLIC_URL contains it. The port
 * could be taken between this check and the child's listen; on loopback in tests that race is
 * rare, and the child then fails to start with a clear error.
 */
import { createServer } from "node:net";

/** Resolves a port number that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
