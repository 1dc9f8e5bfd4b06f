import { Hono } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import { validate } from "../../shared/http/validate.ts";
import { metricsToken } from "./auth.ts";
import { breakerMetrics } from "./breaker-metrics.ts";
import { cacheMetrics } from "./cache-metrics.ts";
import { databaseMetrics } from "./database-metrics.ts";
import { type MetricFamily, PROMETHEUS_CONTENT_TYPE, renderPrometheus } from "./prometheus.ts";
import { MetricsQuery } from "./schemas.ts";

export type { MetricFamily, Sample } from "./prometheus.ts";
export { renderPrometheus } from "./prometheus.ts";

/**
 * `GET /metrics[?workspace_id=…]` for operators' Prometheus scrapers (bearer `METRICS_TOKEN`). Request
 * counts live in each isolate and are not reported; what is reported is shared state: cache statistics
 * (Redis), executions, spend and dead letters (Postgres) and circuit breakers (Redis). A source that fails
 * reports `raptorflow_metrics_source_up 0` and the rest of the scrape still answers.
 */
export const metricsApp = new Hono<AppEnv>()
  .use(metricsToken())
  .get("/", validate("query", MetricsQuery), async (c) => {
    const { redis, sql } = c.get("services");
    const pinned = c.req.valid("query").workspace_id;
    const logger = c.get("logger");
    const sources: [string, () => Promise<MetricFamily[]>][] = [
      ["cache", () => cacheMetrics(redis, pinned)],
      ["postgres", () => databaseMetrics(sql)],
      ["circuit_breakers", () => breakerMetrics(redis, Date.now())],
    ];
    const results = await Promise.all(
      sources.map(async ([source, collect]) => {
        try {
          return { source, families: await collect(), up: 1 };
        } catch (error) {
          logger.error("metrics source failed", {
            source,
            error: error instanceof Error ? error.message : String(error),
          });
          return { source, families: [], up: 0 };
        }
      }),
    );
    const up: MetricFamily = {
      name: "raptorflow_metrics_source_up",
      help: "1 when the source answered this scrape, 0 when it failed",
      type: "gauge",
      samples: results.map(({ source, up: value }) => ({ labels: { source }, value })),
    };
    const body = renderPrometheus([up, ...results.flatMap((result) => result.families)]);
    return c.body(body, 200, { "content-type": PROMETHEUS_CONTENT_TYPE, "cache-control": "no-store" });
  });
