import { env, SELF } from "cloudflare:test";
import { SignJWT } from "jose";
import type { ExecutionMessage } from "../../../shared/agents/runtime/index.ts";
import type { Sql } from "../../../shared/db/database.ts";
import { ORIGIN } from "../../helpers/api.ts";

/** The signature QStash puts on a delivery of `body` to `url`, made with the local signing key. */
export async function qstashSignature(
  url: string,
  body: string,
  key = env.QSTASH_CURRENT_SIGNING_KEY,
): Promise<string> {
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
    .sign(new TextEncoder().encode(key));
}

/** Options of a simulated QStash delivery. */
export interface DeliveryOptions {
  messageId?: string;
  retried?: number;
  /** Sign this body instead of the one sent (a tampered delivery). */
  signedBody?: string;
  /** Sign for this URL instead of PUBLIC_BASE_URL + path. */
  signedUrl?: string;
  signature?: string | null;
}

/** Delivers a body to an internal consumer exactly as QStash would: signed over the raw body and public URL. */
export async function deliver(path: string, body: unknown, options: DeliveryOptions = {}): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const url = options.signedUrl ?? `${env.PUBLIC_BASE_URL}${path}`;
  const signature =
    options.signature === undefined ? await qstashSignature(url, options.signedBody ?? text) : options.signature;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "upstash-message-id": options.messageId ?? `msg_${crypto.randomUUID()}`,
    "upstash-retried": String(options.retried ?? 0),
  };
  if (signature !== null) headers["upstash-signature"] = signature;
  return SELF.fetch(`${ORIGIN}${path}`, { method: "POST", headers, body: text });
}

/** Delivers an execution message to `/internal/agents/execute`; returns status and JSON body. */
export async function deliverExecution(message: ExecutionMessage, options: DeliveryOptions = {}) {
  const res = await deliver("/internal/agents/execute", message, options);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

interface LogEntry {
  messageId: string;
  state: string;
  url: string;
  /** The message body as published (QStash's logs carry it base64-encoded). */
  text: string;
}

function bodyText(body: string | undefined): string {
  if (!body) return "";
  if (body.startsWith("{")) return body;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(body), (char) => char.charCodeAt(0)));
  } catch {
    return body;
  }
}

/** The QStash log entries (with destination URL) of published messages that carry `executionId`. */
export async function publishedLogs(executionId: string): Promise<LogEntry[]> {
  const res = await fetch(`${env.QSTASH_URL}/v2/logs?state=CREATED&count=100`, {
    headers: { authorization: `Bearer ${env.QSTASH_TOKEN}` },
  });
  const { logs } = (await res.json()) as { logs: (Omit<LogEntry, "text"> & { body?: string })[] };
  return logs
    .map((log) => ({ messageId: log.messageId, state: log.state, url: log.url, text: bodyText(log.body) }))
    .filter((log) => log.text.includes(`"execution_id":"${executionId}"`));
}

/** Messages the local QStash accepted for `executionId`, as published. */
export async function publishedMessages(executionId: string): Promise<ExecutionMessage[]> {
  return (await publishedLogs(executionId))
    .map((log) => JSON.parse(log.text) as ExecutionMessage)
    .filter((message) => message.execution_id === executionId);
}

/** An execution row as the database owner sees it. */
export interface ExecutionRow {
  id: string;
  status: string;
  output: unknown;
  model: string | null;
  provider: string | null;
  tokens_in: number;
  tokens_out: number;
  cost_usd: string;
  attempts: number;
  error: string | null;
  node_key: string | null;
  message_id: string | null;
}

/** One execution row (no RLS). */
export async function executionRow(sql: Sql, id: string): Promise<ExecutionRow | undefined> {
  const [row] = await sql<ExecutionRow[]>`select * from public.agent_execution_logs where id = ${id}`;
  return row;
}

/** Event types recorded for an execution, in order. */
export async function eventTypes(sql: Sql, executionId: string): Promise<string[]> {
  const rows = await sql<{ event_type: string }[]>`
    select event_type from public.events where payload ->> 'execution_id' = ${executionId} order by sequence`;
  return rows.map((row) => row.event_type);
}

/** Cost ledger rows of an execution. */
export async function ledgerRows(sql: Sql, executionId: string): Promise<{ amount_usd: string; category: string }[]> {
  return sql`select amount_usd, category from public.cost_ledger where execution_id = ${executionId}`;
}
