import { beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "../../../shared/db/database.ts";
import {
  type Attempt,
  asUserRolledBack,
  attempt,
  INSUFFICIENT_PRIVILEGE,
  inSavepoint,
  insertableColumns,
  insertCopy,
  ROLE_ORDER,
  type SeedUser,
  tenantTables,
  testSql,
  USERS,
  WORKSPACES,
} from "../../helpers/db.ts";

// Who may do what, per role, on every tenant table: the matrix supabase/SCHEMA.md documents.
// Each seeded acme-growth member probes the same row (alice's, where a row has an owner).
type Role = (typeof ROLE_ORDER)[number];
/**
 * A minimum role; `owner` (the row's user_id/actor_id is the caller) alone, or combined with
 * a role as `owner|role` (either) or `owner&role` (both); null when only the service role may.
 */
type Rule = Role | "owner" | `owner|${Role}` | `owner&${Role}` | null;
type Operation = "select" | "insert" | "update" | "delete";
type Access = Record<Operation, Rule>;

const rw = (read: Role, write: Role | null): Access => ({ select: read, insert: write, update: write, delete: write });
const readOnly = (read: Role): Access => rw(read, null);

const ANALYST_DOMAINS = [
  // Marketing core
  "positionings",
  "cohorts",
  "campaigns",
  "campaign_cohorts",
  "message_architectures",
  "moves",
  "achievements",
  "quests",
  "quest_chapters",
  "war_briefs",
  // Intelligence
  "competitors",
  "market_intelligence",
  "competitive_analyses",
  "customer_insights",
  "trend_forecasts",
  "forecast_reports",
  "performance_analyses",
  "recommendations",
  // Content, learnings, knowledge, alerts, onboarding
  "brand_guidelines",
  "content_items",
  "content_reviews",
  "consistency_reports",
  "design_feedback",
  "learnings",
  "agent_memories",
  "alerts",
  "onboarding_runs",
  "onboarding_steps",
];
const LORD_DOMAINS = [
  "guild_members",
  "guild_resources",
  "guild_performance_metrics",
  "agent_execution_logs",
  "initiatives",
  "initiative_phases",
  "architecture_analyses",
  "strategic_guidance",
  "syntheses",
  "synthesis_learnings",
  "decisions",
  "mentoring_sessions",
  "execution_plans",
  "execution_tasks",
  "task_dependencies",
  "resource_allocations",
  "progress_updates",
  "approval_workflows",
  "conflict_cases",
  "resolution_proposals",
  "arbitration_decisions",
  "appeals",
  "fairness_metrics",
  "message_templates",
];

const ACCESS: Record<string, Access> = {
  ...Object.fromEntries(ANALYST_DOMAINS.map((table) => [table, rw("viewer", "analyst")])),
  ...Object.fromEntries(LORD_DOMAINS.map((table) => [table, rw("viewer", "lord_operator")])),
  workspace_members: { select: "viewer", insert: "admin", update: "admin", delete: "owner|admin" },
  invitations: rw("admin", "admin"),
  api_keys: rw("admin", "admin"),
  budgets: { select: "analyst", insert: "admin", update: "admin", delete: "admin" },
  cost_ledger: readOnly("analyst"),
  external_api_calls: readOnly("analyst"),
  webhook_deliveries: readOnly("lord_operator"),
  dead_letters: { select: "lord_operator", insert: null, update: "admin", delete: "admin" },
  events: { select: "viewer", insert: "owner&analyst", update: null, delete: null },
  audit_logs: { select: "owner|admin", insert: "owner", update: null, delete: null },
  notifications: {
    select: "owner|lord_operator",
    insert: "lord_operator",
    update: "owner|lord_operator",
    delete: "lord_operator",
  },
  subscriptions: {
    select: "owner|lord_operator",
    insert: "owner|lord_operator",
    update: "owner|lord_operator",
    delete: "owner|lord_operator",
  },
  communication_log: { select: "viewer", insert: "lord_operator", update: null, delete: null },
};

const MEMBERS: { user: SeedUser; role: Role }[] = [
  { user: USERS.alice, role: "admin" },
  { user: USERS.oliver, role: "lord_operator" },
  { user: USERS.ana, role: "analyst" },
  { user: USERS.victor, role: "viewer" },
];
const OWNER = USERS.alice;

function allows(rule: Rule, member: { user: SeedUser; role: Role }): boolean {
  if (rule === null) return false;
  const owner = member.user.id === OWNER.id;
  const atLeast = (role: Role) => ROLE_ORDER.indexOf(member.role) >= ROLE_ORDER.indexOf(role);
  if (rule === "owner") return owner;
  if (rule.startsWith("owner|")) return owner || atLeast(rule.slice(6) as Role);
  if (rule.startsWith("owner&")) return owner && atLeast(rule.slice(6) as Role);
  return atLeast(rule as Role);
}

/** Allowed unless refused by privileges or RLS; an update or delete must also reach the row. */
function permitted(result: Attempt): boolean {
  return result.ok ? result.count > 0 : result.code !== INSUFFICIENT_PRIVILEGE;
}

interface Target {
  table: string;
  columns: string[];
  updatable: string;
  row: Record<string, unknown> & { id: string };
}

let targets: Target[] = [];
const observed = new Map<string, Record<Operation, boolean>>();
const key = (user: SeedUser, table: string) => `${user.email} ${table}`;

async function probe(tx: Tx, target: Target): Promise<Record<Operation, boolean>> {
  const table = `public.${target.table}`;
  return inSavepoint(tx, async (sp) => {
    const [visible] = await sp<
      { n: number }[]
    >`select count(*)::int as n from ${sp(table)} where id = ${target.row.id}`;
    const update = await attempt(
      sp,
      (s) => s`update ${s(table)} set ${s(target.updatable)} = ${s(target.updatable)} where id = ${target.row.id}`,
    );
    const insert = await attempt(sp, (s) => insertCopy(s, target.table, target.columns, target.row));
    const remove = await attempt(sp, (s) => s`delete from ${s(table)} where id = ${target.row.id}`);
    return {
      select: (visible?.n ?? 0) > 0,
      insert: permitted(insert),
      update: permitted(update),
      delete: permitted(remove),
    };
  });
}

const sql = testSql();

beforeAll(async () => {
  const tables = await tenantTables(sql);
  targets = await Promise.all(
    tables.map(async (table) => {
      const columns = await insertableColumns(sql, table);
      const ownerColumn = columns.find((column) => column === "user_id" || column === "actor_id");
      const [found] = await sql<{ row: Record<string, unknown> & { id: string } }[]>`
        select to_jsonb(t) as row from ${sql(`public.${table}`)} t
        where workspace_id = ${WORKSPACES.acmeGrowth}
        order by ${ownerColumn ? sql`${sql(ownerColumn)} = ${OWNER.id} desc nulls last,` : sql``} created_at, id
        limit 1`;
      if (!found) throw new Error(`supabase/seed.sql has no acme-growth row in ${table}`);
      const [grant] = await sql<{ column: string }[]>`
        select column_name as column from information_schema.column_privileges
        where table_schema = 'public' and table_name = ${table}
          and grantee = 'authenticated' and privilege_type = 'UPDATE'
        order by column_name = 'updated_at' desc, column_name limit 1`;
      return { table, columns, updatable: grant?.column ?? "updated_at", row: found.row };
    }),
  );
  for (const member of MEMBERS) {
    await asUserRolledBack(sql, member.user, async (tx) => {
      for (const target of targets) observed.set(key(member.user, target.table), await probe(tx, target));
    });
  }
});

describe("workspace roles", () => {
  it("documents an access rule for every tenant table, and only for tenant tables", () => {
    const tables = targets.map((target) => target.table);
    expect(tables.filter((table) => !ACCESS[table])).toEqual([]);
    expect(Object.keys(ACCESS).filter((table) => !tables.includes(table))).toEqual([]);
  });

  it("enforces the documented matrix for every role on every tenant table", () => {
    const mismatches: string[] = [];
    for (const member of MEMBERS) {
      for (const target of targets) {
        const access = ACCESS[target.table];
        const seen = observed.get(key(member.user, target.table));
        if (!access || !seen) continue;
        for (const operation of ["select", "insert", "update", "delete"] as const) {
          const expected = allows(access[operation], member);
          if (seen[operation] !== expected) {
            mismatches.push(`${member.role} ${operation} ${target.table}: ${seen[operation] ? "allowed" : "refused"}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("lets a viewer read but write nothing", () => {
    const writes = targets.flatMap((target) => {
      const seen = observed.get(key(USERS.victor, target.table));
      return (["insert", "update", "delete"] as const)
        .filter((operation) => seen?.[operation])
        .map((operation) => `${operation} ${target.table}`);
    });
    expect(writes).toEqual([]);
    expect(targets.filter((target) => observed.get(key(USERS.victor, target.table))?.select).length).toBeGreaterThan(
      50,
    );
  });

  it("does not let an analyst manage members, invitations or API keys", async () => {
    for (const table of ["workspace_members", "invitations", "api_keys"]) {
      expect(observed.get(key(USERS.ana, table)), table).toMatchObject({ insert: false, update: false, delete: false });
    }
    const results = await asUserRolledBack(sql, USERS.ana, async (tx) => ({
      add: await attempt(
        tx,
        (sp) => sp`insert into public.workspace_members (workspace_id, user_id, role)
                   values (${WORKSPACES.acmeGrowth}, ${USERS.nina.id}, 'admin')`,
      ),
      promote: await attempt(
        tx,
        (sp) => sp`update public.workspace_members set role = 'admin'
                   where workspace_id = ${WORKSPACES.acmeGrowth} and user_id = ${USERS.ana.id}`,
      ),
      remove: await attempt(
        tx,
        (sp) => sp`delete from public.workspace_members
                   where workspace_id = ${WORKSPACES.acmeGrowth} and user_id = ${USERS.victor.id}`,
      ),
    }));
    expect(results.add).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
    expect(results.promote).toEqual({ ok: true, count: 0 });
    expect(results.remove).toEqual({ ok: true, count: 0 });
  });

  it("lets an admin add, re-role and remove members", async () => {
    const results = await asUserRolledBack(sql, USERS.alice, async (tx) => ({
      add: await attempt(
        tx,
        (sp) => sp`insert into public.workspace_members (workspace_id, user_id, role)
                   values (${WORKSPACES.acmeGrowth}, ${USERS.nina.id}, 'viewer')`,
      ),
      promote: await attempt(
        tx,
        (sp) => sp`update public.workspace_members set role = 'lord_operator'
                   where workspace_id = ${WORKSPACES.acmeGrowth} and user_id = ${USERS.ana.id}`,
      ),
      remove: await attempt(
        tx,
        (sp) => sp`delete from public.workspace_members
                   where workspace_id = ${WORKSPACES.acmeGrowth} and user_id = ${USERS.victor.id}`,
      ),
    }));
    expect(results).toEqual({
      add: { ok: true, count: 1 },
      promote: { ok: true, count: 1 },
      remove: { ok: true, count: 1 },
    });
  });

  it("lets any member leave a workspace", async () => {
    const left = await asUserRolledBack(sql, USERS.victor, (tx) =>
      attempt(
        tx,
        (sp) => sp`delete from public.workspace_members
                   where workspace_id = ${WORKSPACES.acmeGrowth} and user_id = ${USERS.victor.id}`,
      ),
    );
    expect(left).toEqual({ ok: true, count: 1 });
  });
});
