import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "../http/api-error.ts";
import { resolveApiKey } from "./api-keys.ts";
import { verifySupabaseToken } from "./verify-token.ts";

const BEARER = /^Bearer\s+(\S+)$/i;
/** Browsers cannot set headers on WebSocket upgrades; the token rides in the subprotocol list. */
const WEBSOCKET_TOKEN_PROTOCOL = /^bearer\.(.+)$/;

/** Extracts the access token from `Authorization` or, for WebSocket upgrades, `Sec-WebSocket-Protocol`. */
export function readAccessToken(headers: Headers): string | undefined {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = BEARER.exec(authorization.trim());
    if (!match?.[1])
      throw ApiError.unauthorized("Authorization header must be 'Bearer <token>'", "AUTH_TOKEN_MALFORMED");
    return match[1];
  }
  const protocols = headers.get("sec-websocket-protocol");
  if (protocols) {
    for (const protocol of protocols.split(",").map((p) => p.trim())) {
      const match = WEBSOCKET_TOKEN_PROTOCOL.exec(protocol);
      if (match?.[1]) return match[1];
    }
  }
  return undefined;
}

/**
 * Authenticates the caller with a Supabase access token or a service API key (`x-api-key`)
 * and sets `caller`. Everything after it may rely on a verified identity.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    const services = c.get("services");
    const apiKey = c.req.header("x-api-key");
    if (apiKey) {
      c.set("caller", await resolveApiKey(services.sql, apiKey));
      return next();
    }
    const token = readAccessToken(c.req.raw.headers);
    if (!token)
      throw ApiError.unauthorized("Missing access token: send 'Authorization: Bearer <token>'", "AUTH_TOKEN_MISSING");
    const claims = await verifySupabaseToken(token, {
      supabaseUrl: services.config.SUPABASE_URL,
      jwtSecret: services.config.SUPABASE_JWT_SECRET,
    });
    c.set("caller", {
      kind: "user",
      userId: claims.sub,
      email: typeof claims.email === "string" ? claims.email : null,
      claims: { ...claims },
    });
    return next();
  };
}
