import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { localDatabase } from "../local-stack/defaults.ts";
import { startLocalStack } from "../local-stack/index.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    stackBindings: Record<string, string>;
  }
}

/** Starts the local stack once for the whole run: a fresh test database and the stand-ins. */
export default async function setup(project: TestProject) {
  // A database per run, dropped afterwards, so concurrent runs never share or drop each other's data.
  const stateDir = await mkdtemp(join(tmpdir(), "raptorflow-test-"));
  const stack = await startLocalStack({
    database: `${localDatabase.testName}_${process.pid}`,
    fresh: true,
    ephemeralPorts: true,
    qstashBackoffScale: 0.001,
    qstashKeyPrefix: `test-${process.pid}`,
    stateDir,
  });
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("stackBindings", stack.bindings);
  return async () => {
    await stack.close({ dropDatabase: true });
    await rm(stateDir, { recursive: true, force: true });
  };
}
