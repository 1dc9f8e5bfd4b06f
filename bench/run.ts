/**
 * `npm run bench` runs every benchmark file in bench/ (each in its own process, one after the
 * other); `npm run bench -- health [other…] [--duration 5 --connections 16]` runs the named ones.
 * Flags are passed through to each benchmark (see bench/lib/options.ts).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";

const benchDir = import.meta.dirname;
const args = process.argv.slice(2);
const flagStart = args.findIndex((arg) => arg.startsWith("--"));
const names = flagStart === -1 ? args : args.slice(0, flagStart);
const flags = flagStart === -1 ? [] : args.slice(flagStart);

const available = (await readdir(benchDir))
  .filter((file) => file.endsWith(".ts") && file !== "run.ts")
  .map((file) => basename(file, ".ts"))
  .sort();
const unknown = names.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; available: ${available.join(", ")}`);
  process.exit(2);
}

// Ctrl-C reaches the running benchmark too; it cleans up and exits 130, which ends this loop.
process.on("SIGINT", () => {});
let failed = 0;
for (const name of names.length > 0 ? names : available) {
  const child = spawn(process.execPath, [join(benchDir, `${name}.ts`), ...flags], { stdio: "inherit" });
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  if (signal === "SIGINT" || code === 130) process.exit(130);
  if (code !== 0) {
    console.error(`bench ${name} failed (${signal ?? `exit code ${code}`})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
