import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";
import { ApiError } from "../http/api-error.ts";

/** Claims of a verified Supabase access token. */
export interface SupabaseClaims extends JWTPayload {
  sub: string;
  role: string;
  email?: string;
  aud: string | string[];
}

export interface TokenVerifierOptions {
  /** The Supabase project URL; issuer is `<url>/auth/v1`, keys at `<url>/auth/v1/.well-known/jwks.json`. */
  supabaseUrl: string;
  /** Legacy HS256 JWT secret (also the Supabase CLI's local signing secret). */
  jwtSecret: string;
}

const ASYMMETRIC_ALGORITHMS = ["ES256", "RS256"];
// One key set per project URL per isolate: jose caches the keys and refetches on an unknown kid.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySetFor(supabaseUrl: string) {
  let keySet = keySets.get(supabaseUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL("/auth/v1/.well-known/jwks.json", supabaseUrl), {
      cooldownDuration: 30_000,
      cacheMaxAge: 600_000,
    });
    keySets.set(supabaseUrl, keySet);
  }
  return keySet;
}

/**
 * Verifies a Supabase access token: signature (HS256 secret or the project's JWKS for
 * ES256/RS256), `exp`, `aud` = authenticated, `iss` = `<project>/auth/v1`, `role`.
 * Every failure is a 401 saying which check failed.
 */
export async function verifySupabaseToken(token: string, options: TokenVerifierOptions): Promise<SupabaseClaims> {
  let algorithm: string | undefined;
  try {
    algorithm = decodeProtectedHeader(token).alg;
  } catch {
    throw ApiError.unauthorized("Access token is malformed: not a JWT", "AUTH_TOKEN_MALFORMED");
  }
  const verifyOptions = {
    audience: "authenticated",
    issuer: new URL("/auth/v1", options.supabaseUrl).toString(),
    clockTolerance: 5,
  };
  try {
    const { payload } =
      algorithm === "HS256"
        ? await jwtVerify(token, new TextEncoder().encode(options.jwtSecret), {
            ...verifyOptions,
            algorithms: ["HS256"],
          })
        : await jwtVerify(token, keySetFor(options.supabaseUrl), {
            ...verifyOptions,
            algorithms: ASYMMETRIC_ALGORITHMS,
          });
    if (typeof payload.sub !== "string" || payload.sub.length === 0) {
      throw ApiError.unauthorized("Access token has no subject", "AUTH_TOKEN_INVALID_CLAIMS");
    }
    if (payload.role !== "authenticated") {
      throw ApiError.unauthorized(
        `Access token role '${String(payload.role)}' is not allowed`,
        "AUTH_TOKEN_INVALID_CLAIMS",
      );
    }
    return payload as SupabaseClaims;
  } catch (err) {
    throw toAuthError(err);
  }
}

function toAuthError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof errors.JWTExpired) return ApiError.unauthorized("Access token has expired", "AUTH_TOKEN_EXPIRED");
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) {
    return ApiError.unauthorized("Access token signature is invalid", "AUTH_TOKEN_BAD_SIGNATURE");
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    return ApiError.unauthorized(
      `Access token claim '${err.claim}' is invalid: ${err.reason}`,
      "AUTH_TOKEN_INVALID_CLAIMS",
    );
  }
  if (err instanceof errors.JOSEAlgNotAllowed) {
    return ApiError.unauthorized("Access token uses an algorithm that is not accepted", "AUTH_TOKEN_MALFORMED");
  }
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) {
    return ApiError.unauthorized("Access token is malformed", "AUTH_TOKEN_MALFORMED");
  }
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) {
    return ApiError.unavailable("Signing keys could not be fetched from Supabase Auth");
  }
  return ApiError.unauthorized("Access token could not be verified", "AUTH_TOKEN_INVALID");
}
