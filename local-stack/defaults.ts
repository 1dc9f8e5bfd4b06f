/**
 * Well-known local defaults. Every value here is public: the QStash values are the ones
 * Upstash's own QStash dev server prints, the JWT secret is the Supabase CLI's local default.
 * Production never reads this file; it sets real URLs and secrets.
 */
export const localPorts = {
  worker: 8787,
  redisRest: 8079,
  qstash: 8080,
  vector: 8081,
  pgliteSocket: 54329,
} as const;

export const localSecrets = {
  SUPABASE_JWT_SECRET: "super-secret-jwt-token-with-at-least-32-characters-long",
  UPSTASH_REDIS_REST_TOKEN: "local-redis-rest-token",
  QSTASH_TOKEN: "eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0=",
  QSTASH_CURRENT_SIGNING_KEY: "sig_7RvLjqfZBvP5KEUimQCE1pvpLuou",
  QSTASH_NEXT_SIGNING_KEY: "sig_7W3ZNbfKWk5NWwEs3U4ixuQ7fxwE",
  UPSTASH_VECTOR_REST_TOKEN: "local-vector-rest-token",
  SUPABASE_SERVICE_ROLE_KEY: "local-service-role-key",
} as const;

export const localDatabase = {
  server: process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres",
  devName: "raptorflow",
  testName: "raptorflow_test",
} as const;

export const localRedisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
