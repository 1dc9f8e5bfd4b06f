import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { randomId } from "./ids.ts";

/** How long a signature stays valid, as QStash issues them. */
const lifetimeSeconds = 300;

/**
 * The `Upstash-Signature` JWT for one delivery: HS256 with the signing key, `sub` = the URL it is
 * sent to, `body` = base64url(SHA-256(body)) with padding, exactly what `Receiver.verify` checks.
 */
export async function signDelivery(signingKey: string, url: string, body: Uint8Array, nowMs: number): Promise<string> {
  const bodyHash = createHash("sha256").update(body).digest("base64").replaceAll("+", "-").replaceAll("/", "_");
  const now = Math.floor(nowMs / 1_000);
  return await new SignJWT({ body: bodyHash })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("Upstash")
    .setSubject(url)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + lifetimeSeconds)
    .setJti(randomId("jwt"))
    .sign(new TextEncoder().encode(signingKey));
}
