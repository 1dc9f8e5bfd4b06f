import type { Redis } from "@upstash/redis/cloudflare";
import { type BreakerState, DEFAULT_BREAKER_OPTIONS, stateAt } from "../../shared/models/breaker-logic.ts";
import { RedisBreakerStore } from "../../shared/models/breaker-store-redis.ts";
import type { ProviderName } from "../../shared/models/tiers.ts";
import type { MetricFamily } from "./prometheus.ts";

const PROVIDERS = ["anthropic", "openai", "google", "offline"] as const satisfies readonly ProviderName[];
const STATES: readonly BreakerState[] = ["closed", "open", "half-open"];

/**
 * Each model provider's circuit breaker as every isolate sees it (Redis): 1 on its current state. An open
 * breaker past its cool-down counts as half-open, as the router would treat it.
 */
export async function breakerMetrics(redis: Redis, now: number): Promise<MetricFamily[]> {
  const store = new RedisBreakerStore(redis);
  const records = await Promise.all(PROVIDERS.map((provider) => store.read(provider)));
  return [
    {
      name: "raptorflow_model_circuit_state",
      help: "Model provider circuit breakers: 1 on the current state (closed, open, half-open)",
      type: "gauge",
      samples: PROVIDERS.flatMap((provider, i) => {
        const current = stateAt(records[i] ?? null, now, DEFAULT_BREAKER_OPTIONS);
        return STATES.map((state) => ({ labels: { provider, state }, value: state === current ? 1 : 0 }));
      }),
    },
  ];
}
