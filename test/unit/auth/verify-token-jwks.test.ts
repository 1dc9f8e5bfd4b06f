import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { verifySupabaseToken } from "../../../shared/auth/verify-token.ts";
import { ApiError } from "../../../shared/http/api-error.ts";

// Asymmetric Supabase signing keys: the Worker fetches the project's JWKS and verifies ES256/RS256
// tokens with it. Only Supabase's endpoint is replaced (a fetch answering with our public keys);
// the verification code path is the real one.
type Alg = "ES256" | "RS256";

async function keyPair(alg: Alg, kid: string) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { privateKey, jwk, kid, alg };
}

function serveJwks(projectUrl: string, keys: () => JWK[]) {
  const calls: string[] = [];
  const original = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === `${projectUrl}/auth/v1/.well-known/jwks.json`) {
      calls.push(url);
      return Response.json({ keys: keys() });
    }
    return original(input, init);
  });
  return calls;
}

function sign(key: Awaited<ReturnType<typeof keyPair>>, projectUrl: string, claims: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: "authenticated", email: "alice@acme.test", ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setSubject("0c000000-0000-4000-8000-000000000001")
    .setAudience("authenticated")
    .setIssuer(`${projectUrl}/auth/v1`)
    .setIssuedAt(now)
    .setExpirationTime((claims.exp as number | undefined) ?? now + 600)
    .sign(key.privateKey);
}

const project = () => `https://${crypto.randomUUID().slice(0, 8)}.supabase.test`;
const verify = (token: string, supabaseUrl: string) =>
  verifySupabaseToken(token, { supabaseUrl, jwtSecret: "unused-hs256-secret-for-this-test" });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (err: unknown) => (err instanceof ApiError ? err.code : String(err)),
  );

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("verifySupabaseToken with the project's JWKS", () => {
  it.each<Alg>(["ES256", "RS256"])("accepts a %s token signed by a published key", async (alg) => {
    const url = project();
    const key = await keyPair(alg, `${alg}-1`);
    const calls = serveJwks(url, () => [key.jwk]);
    const claims = await verify(await sign(key, url), url);
    expect(claims.sub).toBe("0c000000-0000-4000-8000-000000000001");
    expect(calls).toHaveLength(1);
  });

  it("caches the key set: a second token costs no fetch", async () => {
    const url = project();
    const key = await keyPair("ES256", "k1");
    const calls = serveJwks(url, () => [key.jwk]);
    await verify(await sign(key, url), url);
    await verify(await sign(key, url), url);
    expect(calls).toHaveLength(1);
  });

  it("refetches on an unknown kid once the cool-down has passed (key rotation)", async () => {
    const url = project();
    const first = await keyPair("ES256", "k1");
    const rotated = await keyPair("ES256", "k2");
    let published = [first.jwk];
    const calls = serveJwks(url, () => published);
    await verify(await sign(first, url), url);
    published = [first.jwk, rotated.jwk];
    vi.useFakeTimers({ now: Date.now() + 31_000, toFake: ["Date"] });
    const claims = await verify(await sign(rotated, url), url);
    expect(claims.sub).toBeDefined();
    expect(calls).toHaveLength(2);
  });

  it("rejects a token whose signature does not match the published key", async () => {
    const url = project();
    const published = await keyPair("ES256", "k1");
    const impostor = await keyPair("ES256", "k1");
    serveJwks(url, () => [published.jwk]);
    expect(await codeOf(verify(await sign(impostor, url), url))).toBe("AUTH_TOKEN_BAD_SIGNATURE");
  });

  it("rejects expired tokens, another project's issuer and a non-authenticated role", async () => {
    const url = project();
    const key = await keyPair("ES256", "k1");
    serveJwks(url, () => [key.jwk]);
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect(await codeOf(verify(await sign(key, url, { exp: past }), url))).toBe("AUTH_TOKEN_EXPIRED");
    expect(await codeOf(verify(await sign(key, "https://other.supabase.test"), url))).toBe("AUTH_TOKEN_INVALID_CLAIMS");
    expect(await codeOf(verify(await sign(key, url, { role: "service_role" }), url))).toBe("AUTH_TOKEN_INVALID_CLAIMS");
  });
});
