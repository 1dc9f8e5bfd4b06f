import { createHash } from "node:crypto";
import { type Arg, argText, type RedisCommand } from "./command.ts";

/** A command ready for Redis, with an optional step that adjusts its reply on success. */
export interface PreparedCommand extends RedisCommand {
  after?: (reply: unknown) => unknown;
}

/** Script commands rewritten for open-source Redis; everything else passes through unchanged. */
export interface ScriptCompat {
  prepare(command: RedisCommand): PreparedCommand;
}

// Upstash accepts shebang flags that open-source Redis rejects with "Unexpected flag in script
// shebang"; @upstash/ratelimit marks every script `#!lua flags=allow-key-locking`.
const upstashOnlyFlags = new Set(["allow-key-locking"]);

/**
 * Strips Upstash-only shebang flags before scripts reach Redis. Clients address scripts by the
 * SHA-1 of the text they sent, so the rewritten text is remembered under that original hash:
 * EVALSHA of a known hash runs it with EVAL, SCRIPT LOAD answers the original hash, and an
 * unknown hash still gets Redis's own NOSCRIPT, which is what makes the SDKs fall back to EVAL.
 */
export function createScriptCompat(): ScriptCompat {
  const rewritten = new Map<string, Buffer>();

  function adapt(script: Arg): Arg {
    const compatible = withoutUpstashFlags(script);
    if (!compatible) return script;
    rewritten.set(sha1(script), compatible);
    return compatible;
  }

  return {
    prepare(command) {
      const name = command.name.toUpperCase();
      const [first, ...rest] = command.args;
      if (first === undefined) return command;
      if (name === "EVAL" || name === "EVAL_RO") {
        return { name: command.name, args: [adapt(first), ...rest] };
      }
      if (name === "EVALSHA" || name === "EVALSHA_RO") {
        const script = rewritten.get(argText(first).toLowerCase());
        if (!script) return command;
        return { name: name === "EVALSHA" ? "EVAL" : "EVAL_RO", args: [script, ...rest] };
      }
      if (name !== "SCRIPT") return command;
      const sub = argText(first).toUpperCase();
      if (sub === "LOAD" && rest[0] !== undefined) {
        const original = rest[0];
        const compatible = adapt(original);
        if (compatible === original) return command;
        return { name: command.name, args: [first, compatible, ...rest.slice(1)], after: () => sha1(original) };
      }
      if (sub === "EXISTS") {
        const hashes = rest.map((hash) => {
          const script = rewritten.get(argText(hash).toLowerCase());
          return script ? sha1(script) : hash;
        });
        return { name: command.name, args: [first, ...hashes] };
      }
      if (sub === "FLUSH") {
        return {
          ...command,
          after: (reply) => {
            rewritten.clear();
            return reply;
          },
        };
      }
      return command;
    },
  };
}

/** The script with Upstash-only flags removed from its `#!` line, or undefined when none were present. */
function withoutUpstashFlags(script: Arg): Buffer | undefined {
  const bytes = typeof script === "string" ? Buffer.from(script, "utf8") : script;
  if (bytes[0] !== 0x23 || bytes[1] !== 0x21) return undefined; // "#!"
  const newline = bytes.indexOf(0x0a);
  const lineEnd = newline === -1 ? bytes.length : newline;
  let changed = false;
  const tokens = bytes
    .subarray(0, lineEnd)
    .toString("utf8")
    .split(/[ \t]+/)
    .filter((token) => token !== "")
    .flatMap((token) => {
      if (!token.startsWith("flags=")) return [token];
      const flags = token.slice("flags=".length).split(",");
      const kept = flags.filter((flag) => !upstashOnlyFlags.has(flag));
      if (kept.length === flags.length) return [token];
      changed = true;
      return kept.length > 0 ? [`flags=${kept.join(",")}`] : [];
    });
  if (!changed) return undefined;
  return Buffer.concat([Buffer.from(tokens.join(" "), "utf8"), bytes.subarray(lineEnd)]);
}

function sha1(script: Arg): string {
  return createHash("sha1").update(script).digest("hex");
}
