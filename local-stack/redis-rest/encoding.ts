/** A reply as it appears in a REST response body. */
export type JsonReply = string | number | null | JsonReply[];

/**
 * Turns an ioredis RESP2 reply (Buffers, integers, nulls, nested arrays) into JSON. With
 * `Upstash-Encoding: base64` every string is base64 so binary values survive JSON; integers and
 * nulls stay as they are, and a top-level "OK" is left plain, as Upstash documents.
 */
export function encodeReply(reply: unknown, base64: boolean): JsonReply {
  if (base64 && isOk(reply)) return "OK";
  return encodeValue(reply, base64);
}

function encodeValue(value: unknown, base64: boolean): JsonReply {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (Buffer.isBuffer(value)) return value.toString(base64 ? "base64" : "utf8");
  if (typeof value === "string") return base64 ? Buffer.from(value, "utf8").toString("base64") : value;
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, base64));
  // An error nested in an array (a script returning redis.error_reply inside a table) becomes its text.
  if (value instanceof Error) return encodeValue(value.message, base64);
  return encodeValue(String(value), base64);
}

function isOk(reply: unknown): boolean {
  return reply === "OK" || (Buffer.isBuffer(reply) && reply.length === 2 && reply.toString("latin1") === "OK");
}
