import { env } from "cloudflare:test";
import { loadConfig } from "../../../shared/config/config.ts";
import { createServices, type Services } from "../../../shared/services/services.ts";

/** The service clients a request would build, pointed at the test stack. */
export function testServices(): Services {
  return createServices(loadConfig(env), env.HYPERDRIVE);
}

/** A fresh workspace id: Redis is shared with other runs, so keys must never collide. */
export function freshWorkspaceId(): string {
  return crypto.randomUUID();
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 22)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}
