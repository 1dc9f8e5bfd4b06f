import { type Redis, ReplyError } from "ioredis";
import type { RedisCommand } from "./command.ts";
import { RestError } from "./errors.ts";
import { assertSupported } from "./policy.ts";
import { createScriptCompat, type PreparedCommand } from "./scripts.ts";

/** One entry of a /pipeline or /multi-exec response, before encoding. */
export type Outcome = { result: unknown } | { error: string };

/** Runs REST jobs on Redis and returns raw RESP2 replies (Buffers, integers, nulls, arrays). */
export interface Executor {
  /** Resolves with the reply; rejects with a RestError (Redis's error text as a 400). */
  single(command: RedisCommand): Promise<unknown>;
  /** Runs each command independently, in order; one failing does not stop the rest. */
  pipeline(commands: RedisCommand[]): Promise<Outcome[]>;
  /** Runs the commands atomically in MULTI/EXEC; a command Redis refuses to queue aborts them all. */
  multiExec(commands: RedisCommand[]): Promise<Outcome[]>;
}

/**
 * Commands go out through `callBuffer` so bulk replies stay bytes, and with upper-cased names:
 * ioredis keys its per-command reply and argument transformers by lower-case name (HGETALL into
 * an object, ZRANGE WITHSCORES pairs), while the REST protocol returns Redis's raw RESP2 shapes.
 */
export function createExecutor(redis: Redis): Executor {
  const scripts = createScriptCompat();

  function prepare(command: RedisCommand): PreparedCommand {
    assertSupported(command);
    return scripts.prepare(command);
  }

  async function run(command: RedisCommand): Promise<unknown> {
    const prepared = prepare(command);
    const reply: unknown = await redis.callBuffer(prepared.name.toUpperCase(), ...prepared.args);
    return prepared.after ? prepared.after(reply) : reply;
  }

  return {
    async single(command) {
      try {
        return await run(command);
      } catch (error) {
        throw toRestError(error);
      }
    },

    async pipeline(commands) {
      // One connection keeps the commands in order; each settles on its own, as Upstash pipelines do.
      const settled = await Promise.allSettled(commands.map(run));
      return settled.map((entry) =>
        entry.status === "fulfilled" ? { result: entry.value } : { error: toRestError(entry.reason).message },
      );
    },

    async multiExec(commands) {
      let prepared: PreparedCommand[];
      try {
        prepared = commands.map(prepare);
      } catch (error) {
        throw toRestError(error);
      }
      // ioredis writes MULTI, the commands and EXEC in one batch, so nothing interleaves on the shared connection.
      const transaction = redis.multi();
      for (const command of prepared) transaction.callBuffer(command.name.toUpperCase(), ...command.args);
      let replies: [error: Error | null, result: unknown][] | null;
      try {
        replies = await transaction.exec();
      } catch (error) {
        throw toRestError(error);
      }
      if (!replies) throw new RestError(500, "ERR transaction was not executed");
      return replies.map(([error, result], index) => {
        if (error) return { error: error.message };
        const after = prepared[index]?.after;
        return { result: after ? after(result) : result };
      });
    },
  };
}

/** Redis errors keep their text as a 400; EXECABORT also names the command Redis refused to queue. */
function toRestError(error: unknown): RestError {
  if (error instanceof RestError) return error;
  if (error instanceof ReplyError) {
    const previous: unknown = (error as { previousErrors?: unknown }).previousErrors;
    const cause = Array.isArray(previous) && previous[0] instanceof Error ? ` (${previous[0].message})` : "";
    return new RestError(400, `${(error as Error).message}${cause}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RestError(500, `ERR Redis unavailable to the stand-in: ${message}`);
}
