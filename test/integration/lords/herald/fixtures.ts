import { env, SELF } from "cloudflare:test";
import { SignJWT } from "jose";
import type { Sql } from "../../../../shared/db/database.ts";
import { createWorkspace, ORIGIN } from "../../../helpers/api.ts";
import { USERS } from "../../../helpers/db.ts";

/** The Herald's routes in a workspace. */
export const herald = (workspaceId: string, path: string) => `/api/workspaces/${workspaceId}/lords/herald${path}`;

/** A workspace of the test file's own: alice admin, oliver lord_operator, ana analyst, victor viewer. */
export function heraldWorkspace(sql: Sql): Promise<string> {
  return createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.oliver, "lord_operator"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
}

/** Deletes test workspaces and everything in them. */
export async function dropWorkspaces(sql: Sql, ids: readonly string[]): Promise<void> {
  await sql`delete from public.workspaces where id in ${sql([...ids])}`;
}

/** The signature QStash puts on a delivery of `body` to `url`, made with the local signing key. */
async function qstashSignature(url: string, body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
  const bodyHash = btoa(String.fromCharCode(...digest))
    .replaceAll("+", "-")
    .replaceAll("/", "_");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ body: bodyHash })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("Upstash")
    .setSubject(url)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 300)
    .setJti(crypto.randomUUID())
    .sign(new TextEncoder().encode(env.QSTASH_CURRENT_SIGNING_KEY));
}

/** Options of a simulated QStash delivery. */
export interface DeliveryOptions {
  retried?: number;
  /** Send no signature, or one made over another body (a tampered delivery). */
  unsigned?: boolean;
  signedBody?: string;
}

/**
 * Calls a Herald consumer exactly as QStash would: signed over the raw body and
 * `PUBLIC_BASE_URL` + path (the workers pool has no port QStash could reach).
 */
export async function deliver(path: string, body: unknown, options: DeliveryOptions = {}): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "upstash-message-id": `msg_${crypto.randomUUID()}`,
    "upstash-retried": String(options.retried ?? 0),
  };
  if (!options.unsigned) {
    headers["upstash-signature"] = await qstashSignature(`${env.PUBLIC_BASE_URL}${path}`, options.signedBody ?? text);
  }
  return SELF.fetch(`${ORIGIN}${path}`, { method: "POST", headers, body: text });
}

interface QStashLog {
  messageId: string;
  url: string;
  body?: string;
}

function bodyText(body: string | undefined): string {
  if (!body) return "";
  if (body.startsWith("{")) return body;
  return new TextDecoder().decode(Uint8Array.from(atob(body), (char) => char.charCodeAt(0)));
}

/** Messages the local QStash accepted for a notification: destination URL and body. */
export async function publishedFor(notificationId: string): Promise<{ url: string; body: Record<string, unknown> }[]> {
  const res = await fetch(`${env.QSTASH_URL}/v2/logs?state=CREATED&count=1000`, {
    headers: { authorization: `Bearer ${env.QSTASH_TOKEN}` },
  });
  const { logs } = (await res.json()) as { logs: QStashLog[] };
  return logs
    .map((log) => ({ url: log.url, text: bodyText(log.body) }))
    .filter((log) => log.text.includes(`"notification_id":"${notificationId}"`))
    .map((log) => ({ url: log.url, body: JSON.parse(log.text) as Record<string, unknown> }));
}

/** Event rows of a workspace of some types, oldest first, as the database owner sees them. */
export async function eventsOf(
  sql: Sql,
  workspaceId: string,
  types: readonly string[],
): Promise<{ event_type: string; lord: string | null; payload: Record<string, unknown>; actor_id: string | null }[]> {
  return sql`
    select event_type, lord, payload, actor_id from public.events
    where workspace_id = ${workspaceId} and event_type in ${sql([...types])}
    order by sequence`;
}

/** Polls until `check` returns a value, failing after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
