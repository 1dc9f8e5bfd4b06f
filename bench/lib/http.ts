import { Agent, request } from "node:http";

/** A keep-alive HTTP/1.1 client for one origin, cheaper per request than `fetch`. */
export interface HttpClient {
  /** GETs `path`, drains the body, resolves the status; rejects on a status outside `expect`. */
  get(path: string, headers?: Record<string, string>): Promise<number>;
  close(): void;
}

export interface HttpClientOptions {
  /** Sockets kept open; match the measurement's concurrency. */
  connections: number;
  /** Statuses that count as success (default: 2xx). */
  expect?: (status: number) => boolean;
}

/** Creates a client for `baseUrl` (http only; benchmarks target 127.0.0.1). */
export function httpClient(baseUrl: string, options: HttpClientOptions): HttpClient {
  const origin = new URL(baseUrl);
  if (origin.protocol !== "http:") throw new Error(`httpClient supports http:// only, got ${baseUrl}`);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const ok = options.expect ?? ((status) => status >= 200 && status < 300);
  return {
    get: (path, headers) =>
      new Promise((resolve, reject) => {
        const req = request(
          { host: origin.hostname, port: origin.port, path, method: "GET", headers, agent },
          (res) => {
            res.resume();
            res.on("error", reject);
            res.on("end", () => {
              const status = res.statusCode ?? 0;
              if (ok(status)) resolve(status);
              else reject(new Error(`GET ${path}: HTTP ${status}`));
            });
          },
        );
        req.on("error", reject);
        req.end();
      }),
    close: () => agent.destroy(),
  };
}
