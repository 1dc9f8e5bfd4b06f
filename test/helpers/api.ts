import { env, SELF } from "cloudflare:test";
import { expect } from "vitest";
import type { Role } from "../../shared/auth/permissions.ts";
import { signLocalToken } from "../../shared/auth/sign-token.ts";
import type { Sql } from "../../shared/db/database.ts";
import { ORGANIZATIONS, type SeedUser } from "./db.ts";

/** Origin route tests call the Worker on (any host reaches SELF). */
export const ORIGIN = "http://api.test";

/** Signs an access token for a seeded user, as Supabase Auth would; `claims` override for attacks. */
export function tokenFor(
  user: SeedUser,
  options: { expiresInSeconds?: number; claims?: Record<string, unknown> } = {},
): Promise<string> {
  return signLocalToken({
    userId: user.id,
    email: user.email,
    supabaseUrl: env.SUPABASE_URL,
    jwtSecret: env.SUPABASE_JWT_SECRET,
    ...options,
  });
}

const tokens = new Map<string, Promise<string>>();

/** A token per seeded user, signed once per test file. */
function cachedToken(user: SeedUser): Promise<string> {
  let token = tokens.get(user.id);
  if (!token) {
    token = tokenFor(user);
    tokens.set(user.id, token);
  }
  return token;
}

/** Who a request is made as: a seeded user, an API key, a raw bearer token, or nobody. */
export type Credentials = SeedUser | { apiKey: string } | { token: string } | null;

/** One API call: method, JSON body (a string is sent verbatim) and extra headers. */
export interface ApiCall {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function authHeaders(as: Credentials): Promise<Record<string, string>> {
  if (as === null) return {};
  if ("apiKey" in as) return { "x-api-key": as.apiKey };
  if ("token" in as) return { authorization: `Bearer ${as.token}` };
  return { authorization: `Bearer ${await cachedToken(as)}` };
}

/** Calls the Worker through the real router (`SELF.fetch`) as `as`. */
export async function api(as: Credentials, path: string, call: ApiCall = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(await authHeaders(as)) };
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers["content-type"] = "application/json";
  }
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: call.method ?? (body === undefined ? "GET" : "POST"),
    headers: { ...headers, ...call.headers },
    body,
  });
}

/** A response's status and parsed JSON body (null for an empty body), for one-line assertions. */
export async function call<T = Record<string, unknown>>(
  as: Credentials,
  path: string,
  request: ApiCall = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await api(as, path, request);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** The error envelope's fields tests look at. */
export interface ErrorBody {
  status: "error";
  code: string;
  error: string;
  details: { field?: string; message: string }[];
}

/**
 * Creates a workspace of its own for one test file, with the given members, directly in the
 * database. Files that count rows use one so parallel files cannot disturb their counts.
 */
export async function createWorkspace(
  sql: Sql,
  options: { members: readonly (readonly [SeedUser, Role])[]; plan?: "free" | "pro" | "enterprise"; name?: string },
): Promise<string> {
  const id = crypto.randomUUID();
  const slug = `test-${id.slice(0, 8)}`;
  await sql.begin(async (tx) => {
    await tx`
      insert into public.workspaces (id, organization_id, name, slug, plan)
      values (${id}, ${ORGANIZATIONS.acme}, ${options.name ?? slug}, ${slug}, ${options.plan ?? "enterprise"})`;
    for (const [user, role] of options.members) {
      await tx`insert into public.workspace_members (workspace_id, user_id, role) values (${id}, ${user.id}, ${role})`;
    }
  });
  return id;
}

/** Rows of a tenant table in one workspace, counted as the database owner (no RLS). */
export async function countRows(sql: Sql, table: string, workspaceId: string): Promise<number> {
  const [row] = await sql<{ count: string }[]>`
    select count(*)::text as count from ${sql(`public.${table}`)} where workspace_id = ${workspaceId}`;
  return Number(row?.count ?? 0);
}

/** The id of the first row a fixture `insert … returning id` gave back. */
export function idOf(rows: readonly { id: string }[]): string {
  const id = rows[0]?.id;
  if (!id) throw new Error("the fixture insert returned no row");
  return id;
}

/** One route of an attack matrix: a label for failure messages, the path and the request. */
export type RouteCase = readonly [label: string, path: string, request: ApiCall];

/** Calls every route as `as` and expects `status` from each; failures name the route and show the body. */
export async function expectEach(as: Credentials, routes: readonly RouteCase[], status: number): Promise<void> {
  for (const [label, path, request] of routes) {
    const res = await call(as, path, request);
    expect(
      res.status,
      `${label} ${request.method ?? (request.body === undefined ? "GET" : "POST")} ${path}: ${JSON.stringify(res.body)}`,
    ).toBe(status);
  }
}
