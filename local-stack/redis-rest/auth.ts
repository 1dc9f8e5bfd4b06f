import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** Checks a request's token, from `Authorization: Bearer <token>` or the `_token` query parameter. */
export type TokenCheck = (headers: IncomingHttpHeaders, url: URL) => boolean;

/** Builds the check for one token; an empty token is refused here rather than on every request. */
export function createTokenCheck(token: string): TokenCheck {
  if (token === "") throw new Error("The Redis REST stand-in needs a non-empty token");
  const expected = digest(token);
  return (headers, url) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
    const presented = bearer ?? url.searchParams.get("_token");
    // Comparing fixed-length digests keeps the comparison constant-time whatever the input length.
    return presented !== null && timingSafeEqual(digest(presented), expected);
  };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
