/** One argument as sent to Redis: text from JSON or the URL path, or raw bytes from a POST body. */
export type Arg = string | Buffer;

/** A Redis command as received over REST, its name kept apart from its arguments. */
export interface RedisCommand {
  name: string;
  args: Arg[];
}

/** An argument read as text, for matching keywords and script hashes. */
export function argText(arg: Arg | undefined): string {
  if (arg === undefined) return "";
  return typeof arg === "string" ? arg : arg.toString("utf8");
}
