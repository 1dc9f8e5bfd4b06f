import * as v from "valibot";
import { ConfigError } from "../../shared/config/config.ts";

/** Shortest operator token accepted: 32 characters of `openssl rand -hex 16` or better. */
const MIN_TOKEN_LENGTH = 32;

const MetricsConfigSchema = v.object({
  // Unset or empty turns the endpoint off; a set token must be long enough to resist guessing.
  METRICS_TOKEN: v.optional(
    v.union([
      v.literal(""),
      v.pipe(
        v.string(),
        v.minLength(MIN_TOKEN_LENGTH, `METRICS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters`),
      ),
    ]),
  ),
});

/** The metrics endpoint's settings. */
export interface MetricsConfig {
  /** The bearer token scrapers present; undefined when the endpoint is off. */
  token: string | undefined;
}

const cache = new WeakMap<object, MetricsConfig>();

/** Validates `METRICS_TOKEN` once per env object; a malformed one is a configuration error, not an open door. */
export function loadMetricsConfig(env: object): MetricsConfig {
  const cached = cache.get(env);
  if (cached) return cached;
  const result = v.safeParse(MetricsConfigSchema, env);
  if (!result.success) throw new ConfigError(result.issues.map((issue) => issue.message));
  const config: MetricsConfig = { token: result.output.METRICS_TOKEN || undefined };
  cache.set(env, config);
  return config;
}
