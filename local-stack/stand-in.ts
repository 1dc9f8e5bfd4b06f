import type { Server } from "node:http";

/** A running local stand-in for a managed service. */
export interface StandIn {
  /** Base URL clients use, e.g. `http://127.0.0.1:8079`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (0 = ephemeral) and describes the server as a StandIn. */
export function listen(
  server: Server,
  port: number,
  host = "127.0.0.1",
  onClose?: () => Promise<void>,
): Promise<StandIn> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        close: async () => {
          await onClose?.();
          await new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          });
        },
      });
    });
  });
}
