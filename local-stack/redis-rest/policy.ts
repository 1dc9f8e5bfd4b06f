import { argText, type RedisCommand } from "./command.ts";
import { RestError } from "./errors.ts";

// A blocked command would hold the shared connection and stall every other request.
const blocking = new Set([
  "BLPOP",
  "BRPOP",
  "BRPOPLPUSH",
  "BLMOVE",
  "BLMPOP",
  "BZPOPMIN",
  "BZPOPMAX",
  "BZMPOP",
  "WAIT",
  "WAITAOF",
]);

// Upstash streams these over server-sent events; the stand-in does not.
const streaming = new Set([
  "SUBSCRIBE",
  "PSUBSCRIBE",
  "SSUBSCRIBE",
  "UNSUBSCRIBE",
  "PUNSUBSCRIBE",
  "SUNSUBSCRIBE",
  "MONITOR",
]);

// These change the state of the one connection all requests share; transactions go through /multi-exec.
const connectionState = new Set([
  "MULTI",
  "EXEC",
  "DISCARD",
  "WATCH",
  "UNWATCH",
  "SELECT",
  "HELLO",
  "AUTH",
  "CLIENT",
  "QUIT",
  "RESET",
]);

/** Throws a 400 for commands a stateless HTTP proxy over one shared connection cannot run. */
export function assertSupported(command: RedisCommand): void {
  const name = command.name.toUpperCase();
  if (blocking.has(name) || isBlockingStreamRead(name, command)) {
    throw new RestError(400, `ERR blocking command '${command.name}' is not supported over REST by the local stand-in`);
  }
  if (streaming.has(name)) {
    throw new RestError(400, `ERR '${command.name}' needs a streaming connection, not supported by the local stand-in`);
  }
  if (connectionState.has(name)) {
    throw new RestError(400, `ERR '${command.name}' changes connection state and is not supported over REST`);
  }
}

/** XREAD/XREADGROUP block only with a BLOCK option, which must come before STREAMS (keys follow it). */
function isBlockingStreamRead(name: string, command: RedisCommand): boolean {
  if (name !== "XREAD" && name !== "XREADGROUP") return false;
  for (const arg of command.args) {
    const word = argText(arg).toUpperCase();
    if (word === "STREAMS") return false;
    if (word === "BLOCK") return true;
  }
  return false;
}
