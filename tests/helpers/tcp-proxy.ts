/**
 * A TCP proxy on loopback that a test controls: it forwards to a target port that can change
 * (a restarted node listens on a new port) and can cut the link (every open connection is
 * destroyed and new ones are dropped) and restore it.
 */
import net from "node:net";

/** A running proxy. */
export interface TcpProxy {
  /** `http://127.0.0.1:<proxy port>` */
  url: string;
  setTarget(port: number): void;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** Starts a proxy forwarding to `targetPort`. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  let linkUp = true;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (!linkUp) return void client.destroy();
    const upstream = net.connect(target, "127.0.0.1");
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setTarget: (next) => {
      target = next;
    },
    cut: () => {
      linkUp = false;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => {
      linkUp = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
