import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { loadConfig } from "../config/config.ts";
import { createServices, type Services } from "./services.ts";

/**
 * Builds the request's services lazily: a route that never touches Postgres opens no
 * connection. Connections are not ended explicitly: the runtime closes a request's sockets
 * when the invocation finishes, and postgres.js's `end()` on workerd leaves an unhandled
 * rejection (porsager/postgres#1202).
 */
export function services(): MiddlewareHandler<AppEnv> {
  return async function servicesMiddleware(c, next) {
    let built: Services | undefined;
    const lazy = new Proxy({} as Services, {
      get(_target, key: keyof Services) {
        built ??= createServices(loadConfig(c.env), c.env.HYPERDRIVE);
        return built[key];
      },
    });
    c.set("services", lazy);
    await next();
  };
}
