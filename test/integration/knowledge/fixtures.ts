import { env, SELF } from "cloudflare:test";
import { SignJWT } from "jose";
import type { Role } from "../../../shared/auth/permissions.ts";
import type { KnowledgeInputDraft } from "../../../shared/knowledge/input.ts";
import type { Template } from "../../../shared/knowledge/vocabulary.ts";
import { createWorkspace, ORIGIN } from "../../helpers/api.ts";
import { type SeedUser, testSql, USERS } from "../../helpers/db.ts";
import { DOCUMENTS } from "../../unit/knowledge/fixtures.ts";

/** A pool on the test database as its owner (fixtures and checks, no RLS). */
export const sql = testSql();

/** Members of every knowledge test workspace: alice admin, ana analyst, victor viewer. */
const MEMBERS: readonly (readonly [SeedUser, Role])[] = [
  [USERS.alice, "admin"],
  [USERS.ana, "analyst"],
  [USERS.victor, "viewer"],
];

/**
 * A workspace of its own for one test: Redis (cache keys, rate limits) and the vector index are
 * shared with everything else the run does, so each test's knowledge and cache start empty.
 */
export function knowledgeWorkspace(members: readonly (readonly [SeedUser, Role])[] = MEMBERS): Promise<string> {
  return createWorkspace(sql, { members });
}

/** The knowledge API path of a workspace. */
export const knowledgePath = (workspaceId: string, rest = "") => `/api/workspaces/${workspaceId}/knowledge${rest}`;

/** A valid ingest body of a template, with overrides. */
export function documentOf(template: Template, overrides: Partial<KnowledgeInputDraft> = {}): KnowledgeInputDraft {
  return {
    title: `A ${template.replace(/_/g, " ")}`,
    category: "best_practices",
    document: DOCUMENTS[template],
    ...overrides,
  };
}

/** A market-intelligence document about `subject`, saying `summary`. */
export function intelOf(
  subject: string,
  summary: string,
  overrides: Partial<KnowledgeInputDraft> = {},
): KnowledgeInputDraft {
  return {
    title: `${subject} intelligence`,
    category: "competitive_intelligence",
    collection: "competitor_intel",
    document: { template: "market_intelligence", subject, intelligence_type: "competitive", summary },
    ...overrides,
  };
}

/** The signature QStash puts on a delivery: HS256 over base64url(SHA-256(body)) and the URL, as the stand-in signs. */
async function qstashSignature(url: string, body: string, key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
  const bodyHash = btoa(String.fromCharCode(...digest))
    .replaceAll("+", "-")
    .replaceAll("/", "_");
  const now = Math.floor(Date.now() / 1_000);
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

/** Delivers a body to an internal consumer as QStash would (signed for PUBLIC_BASE_URL + path), or tampered. */
export async function deliver(
  path: string,
  body: unknown,
  options: { signature?: string | null; signedBody?: string; key?: string } = {},
): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const signature =
    options.signature === undefined
      ? await qstashSignature(
          `${env.PUBLIC_BASE_URL}${path}`,
          options.signedBody ?? text,
          options.key ?? env.QSTASH_CURRENT_SIGNING_KEY,
        )
      : options.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["upstash-signature"] = signature;
  return SELF.fetch(`${ORIGIN}${path}`, { method: "POST", headers, body: text });
}

/** Bodies of the messages the local QStash accepted whose body contains `marker`. */
export async function publishedBodies(marker: string): Promise<unknown[]> {
  const res = await fetch(`${env.QSTASH_URL}/v2/logs?state=CREATED&count=1000`, {
    headers: { authorization: `Bearer ${env.QSTASH_TOKEN}` },
  });
  const { logs } = (await res.json()) as { logs: { body?: string }[] };
  return logs
    .map((log) => decode(log.body ?? ""))
    .filter((text) => text.includes(marker))
    .map((text) => JSON.parse(text) as unknown);
}

function decode(body: string): string {
  if (body.startsWith("{")) return body;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(body), (char) => char.charCodeAt(0)));
  } catch {
    return body;
  }
}

/** Event types recorded for a workspace, oldest first, leaving out the Codex bootstrap's own ingests. */
export async function eventTypesOf(workspaceId: string): Promise<string[]> {
  const rows = await sql<{ event_type: string }[]>`
    select event_type from public.events
    where workspace_id = ${workspaceId}
      and not (event_type = 'knowledge.ingested' and payload #>> '{documents,0,collection}' = 'codex_knowledge')
    order by sequence`;
  return rows.map((row) => row.event_type);
}
