import { randomBytes } from "node:crypto";

const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** A random id shaped like QStash's (`msg_…`, `scd_…`, `jwt_…`). */
export function randomId(prefix: string, length = 28): string {
  let id = "";
  for (const byte of randomBytes(length)) id += alphabet[byte % alphabet.length];
  return `${prefix}_${id}`;
}
