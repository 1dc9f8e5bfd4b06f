import * as v from "valibot";

const url = (name: string) =>
  v.pipe(v.string(`${name} is required`), v.nonEmpty(`${name} is required`), v.url(`${name} must be a URL`));
const secret = (name: string) =>
  v.pipe(v.string(`${name} is required`), v.minLength(8, `${name} must be at least 8 characters`));

const ConfigSchema = v.object({
  ENVIRONMENT: v.optional(v.picklist(["local", "test", "staging", "production"]), "local"),
  CORS_ORIGINS: v.optional(v.string(), ""),
  PUBLIC_BASE_URL: url("PUBLIC_BASE_URL"),
  SUPABASE_URL: url("SUPABASE_URL"),
  SUPABASE_JWT_SECRET: secret("SUPABASE_JWT_SECRET"),
  SUPABASE_SERVICE_ROLE_KEY: v.optional(v.string()),
  UPSTASH_REDIS_REST_URL: url("UPSTASH_REDIS_REST_URL"),
  UPSTASH_REDIS_REST_TOKEN: secret("UPSTASH_REDIS_REST_TOKEN"),
  QSTASH_URL: url("QSTASH_URL"),
  QSTASH_TOKEN: secret("QSTASH_TOKEN"),
  QSTASH_CURRENT_SIGNING_KEY: secret("QSTASH_CURRENT_SIGNING_KEY"),
  QSTASH_NEXT_SIGNING_KEY: secret("QSTASH_NEXT_SIGNING_KEY"),
  UPSTASH_VECTOR_REST_URL: url("UPSTASH_VECTOR_REST_URL"),
  UPSTASH_VECTOR_REST_TOKEN: secret("UPSTASH_VECTOR_REST_TOKEN"),
  MAX_BODY_BYTES: v.optional(
    v.pipe(v.string(), v.transform(Number), v.integer("MAX_BODY_BYTES must be an integer"), v.minValue(1024)),
    "1048576",
  ),
  RATE_LIMIT_PLANS: v.optional(v.string()),
  OPENAI_API_KEY: v.optional(v.string()),
  ANTHROPIC_API_KEY: v.optional(v.string()),
  GOOGLE_GENERATIVE_AI_API_KEY: v.optional(v.string()),
});

/** Validated configuration: bindings' plain values and secrets. */
export type Config = v.InferOutput<typeof ConfigSchema> & { corsOrigins: string[] };

/** Thrown when a setting is missing or malformed; names every bad setting. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.problems = problems;
    this.name = "ConfigError";
  }
}

const cache = new WeakMap<object, Config>();

/** Validates the Worker's env once per isolate (memoised on the env object) and returns typed config. */
export function loadConfig(env: object): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const result = v.safeParse(ConfigSchema, env);
  if (!result.success) {
    throw new ConfigError(
      result.issues.map((issue) => {
        const key = v.getDotPath(issue) ?? "config";
        if (issue.received === "undefined") return `${key} is required`;
        return issue.message.includes(key) ? issue.message : `${key}: ${issue.message}`;
      }),
    );
  }
  const config: Config = {
    ...result.output,
    corsOrigins: result.output.CORS_ORIGINS.split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
  cache.set(env, config);
  return config;
}
