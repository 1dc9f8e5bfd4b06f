import { SignJWT } from "jose";

/** Fields of a locally signed access token (the same shape Supabase Auth issues). */
export interface LocalTokenInput {
  userId: string;
  email: string;
  supabaseUrl: string;
  jwtSecret: string;
  expiresInSeconds?: number;
  /** Overrides for tests (expired tokens, wrong audience, …). */
  claims?: Record<string, unknown>;
}

/** Signs an HS256 access token as Supabase Auth would for a user; for local runs and tests. */
export function signLocalToken(input: LocalTokenInput): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    email: input.email,
    role: "authenticated",
    aal: "aal1",
    session_id: crypto.randomUUID(),
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: {},
    ...input.claims,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(input.userId)
    .setAudience("authenticated")
    .setIssuer(new URL("/auth/v1", input.supabaseUrl).toString())
    .setIssuedAt(now)
    .setExpirationTime(now + (input.expiresInSeconds ?? 3600))
    .sign(new TextEncoder().encode(input.jwtSecret));
}
