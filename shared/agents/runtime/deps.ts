import type { Client as QStashClient } from "@upstash/qstash";
import type { Redis } from "@upstash/redis/cloudflare";
import type { Index } from "@upstash/vector";
import type { Config } from "../../config/config.ts";
import type { Sql } from "../../db/database.ts";
import type { Logger } from "../../logging/logger.ts";
import type { ModelRouterDeps } from "../../models/model-router.ts";
import type { ModelSettings } from "../../models/model-settings.ts";
import type { Broadcast } from "./events.ts";

/** What the agent runtime needs: the request's service clients, model settings and a clock. */
export interface RuntimeDeps {
  sql: Sql;
  redis: Redis;
  qstash: QStashClient;
  config: Config;
  settings: ModelSettings;
  logger: Logger;
  /** Hands committed events to the workspace bus; events are always in the `events` log regardless. */
  broadcast?: Broadcast;
  now?: () => Date;
  /** Router overrides (sleep, retry) for tests and benchmarks; production uses the defaults. */
  router?: Partial<Pick<ModelRouterDeps, "retry" | "sleep">>;
}

/** What the consumer needs besides: the vector index its knowledge retrieval searches. */
export interface ConsumerDeps extends RuntimeDeps {
  vector: Index;
}

/** The runtime's clock. */
export function nowOf(deps: RuntimeDeps): Date {
  return deps.now ? deps.now() : new Date();
}
