import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Root-level so it loads in plain Node, not through the workerd project's module resolution.
    globalSetup: ["./test/global-setup.ts"],
    projects: [
      {
        // Unit and integration tests inside workerd, against the local stack started once per run.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: { ...inject("stackBindings"), ENVIRONMENT: "test" },
              hyperdrives: { HYPERDRIVE: inject("databaseUrl") },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
        },
      },
      {
        // Contract tests of the local stand-ins, driven through the official Upstash SDKs in Node.
        test: {
          name: "contract",
          environment: "node",
          include: ["test/contract/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        // End-to-end: the Worker on a real port (wrangler's programmatic API) with a local stack of
        // its own (test/e2e/harness.ts), for flows where a stand-in calls back into the Worker.
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
