import { spawn } from "node:child_process";
import { access, copyFile } from "node:fs/promises";
import { localDatabase, localPorts } from "./defaults.ts";
import { startLocalStack } from "./index.ts";

/**
 * `npm run dev`: Postgres (server or PGlite) migrated and seeded, the Upstash stand-ins on their
 * well-known ports, then `wrangler dev` with its Hyperdrive binding pointed at that database.
 */
async function main() {
  await ensureDevVars();
  const stack = await startLocalStack({ database: localDatabase.devName, stateDir: ".local-stack" });
  console.log(`[local-stack] postgres ${redact(stack.databaseUrl)}`);
  for (const [name, url] of Object.entries(stack.urls)) console.log(`[local-stack] ${name} ${url}`);

  const wrangler = spawn(
    "npx",
    ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(localPorts.worker), ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: stack.databaseUrl },
    },
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    wrangler.kill("SIGTERM");
    await stack.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  wrangler.on("exit", (code) => void stop(code ?? 0));
}

/** wrangler reads secrets from .dev.vars; a fresh clone gets the public local defaults. */
async function ensureDevVars() {
  try {
    await access(".dev.vars");
  } catch {
    await copyFile(".dev.vars.example", ".dev.vars");
    console.log("[local-stack] created .dev.vars from .dev.vars.example");
  }
}

function redact(url: string): string {
  return url.replace(/:[^:@/]+@/, ":***@");
}

await main();
