import { describe, expect, it } from "vitest";
import { type Tx, withService } from "../../../shared/db/database.ts";
import {
  apiKeyClaims,
  asUser,
  asUserRolledBack,
  attempt,
  becomeService,
  becomeUser,
  INSUFFICIENT_PRIVILEGE,
  ORGANIZATIONS,
  rolledBack,
  SEED_API_KEY,
  testSql,
  USERS,
  WORKSPACES,
} from "../../helpers/db.ts";

// What the schema does beyond isolation: the membership helpers, triggers and the rules
// specific to a few tables (audit log, events, notifications, workspace creation).
const sql = testSql();

describe("membership helpers", () => {
  it("answer for the caller: role, membership and minimum role", async () => {
    const answers = await asUser(
      sql,
      USERS.ana,
      (tx) => tx<{ role: string | null; member: boolean; analyst: boolean; operator: boolean; other: boolean }[]>`
        select private.workspace_role(${WORKSPACES.acmeGrowth}) as role,
               private.is_workspace_member(${WORKSPACES.acmeGrowth}) as member,
               private.has_workspace_role(${WORKSPACES.acmeGrowth}, 'analyst') as analyst,
               private.has_workspace_role(${WORKSPACES.acmeGrowth}, 'lord_operator') as operator,
               private.is_workspace_member(${WORKSPACES.globexLaunch}) as other`,
    );
    expect(answers[0]).toEqual({ role: "analyst", member: true, analyst: true, operator: false, other: false });
  });

  it("refuse an unknown role name instead of silently denying", async () => {
    await expect(
      asUser(sql, USERS.alice, (tx) => tx`select private.has_workspace_role(${WORKSPACES.acmeGrowth}, 'superuser')`),
    ).rejects.toMatchObject({ code: "22023" });
  });

  it("are not callable by anon", async () => {
    await expect(
      sql.begin(async (tx) => {
        await tx`select set_config('role', 'anon', true)`;
        await tx`select private.is_workspace_member(${WORKSPACES.acmeGrowth})`;
      }),
    ).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
  });
});

describe("API keys", () => {
  const asKey = <T>(fn: (tx: Tx) => Promise<T>) =>
    rolledBack(sql, async (tx) => {
      await tx`select set_config('role', 'authenticated', true),
                      set_config('request.jwt.claims', ${JSON.stringify(apiKeyClaims(SEED_API_KEY.id, USERS.alice))}, true),
                      set_config('request.jwt.claim.sub', ${USERS.alice.id}, true)`;
      return fn(tx);
    });

  it("act with the key's own role in its own workspace, not with the creator's memberships", async () => {
    const scope = await asKey(async (tx) => {
      const [row] = await tx<{ role: string; admin: boolean; brand: boolean }[]>`
        select private.workspace_role(${WORKSPACES.acmeGrowth}) as role,
               private.has_workspace_role(${WORKSPACES.acmeGrowth}, 'admin') as admin,
               private.is_workspace_member(${WORKSPACES.acmeBrand}) as brand`;
      const workspaces = await tx<{ slug: string }[]>`select slug from public.workspaces`;
      const members = await attempt(
        tx,
        (sp) => sp`insert into public.workspace_members (workspace_id, user_id, role)
                   values (${WORKSPACES.acmeGrowth}, ${USERS.nina.id}, 'viewer')`,
      );
      const campaign = await attempt(
        tx,
        (sp) => sp`insert into public.campaigns (workspace_id, name, objective_type)
                   values (${WORKSPACES.acmeGrowth}, 'From CI', 'awareness')`,
      );
      return { ...row, workspaces: workspaces.map((w) => w.slug), members, campaign };
    });
    expect(scope).toMatchObject({ role: "analyst", admin: false, brand: false, workspaces: ["acme-growth"] });
    expect(scope.members).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
    expect(scope.campaign).toEqual({ ok: true, count: 1 });
  });

  it("never carry their creator's organization ownership", async () => {
    const result = await asKey((tx) =>
      attempt(tx, (sp) => sp`delete from public.workspaces where id = ${WORKSPACES.acmeBrand}`),
    );
    expect(result).toEqual({ ok: true, count: 0 });
  });

  it("lose all access once revoked", async () => {
    const visible = await rolledBack(sql, async (tx) => {
      await tx`update public.api_keys set revoked_at = now() where id = ${SEED_API_KEY.id}`;
      await tx`select set_config('role', 'authenticated', true),
                      set_config('request.jwt.claims', ${JSON.stringify(apiKeyClaims(SEED_API_KEY.id, USERS.alice))}, true)`;
      const [row] = await tx<{ n: number }[]>`select count(*)::int as n from public.campaigns`;
      return row?.n;
    });
    expect(visible).toBe(0);
  });
});

describe("workspaces", () => {
  it("make the organization owner who creates one its first admin", async () => {
    const created = await asUserRolledBack(sql, USERS.alice, async (tx) => {
      const [workspace] = await tx<{ id: string }[]>`
        insert into public.workspaces (organization_id, name, slug, created_by)
        values (${ORGANIZATIONS.acme}, 'Acme Labs', 'acme-labs', ${USERS.alice.id}) returning id`;
      const [member] = await tx<{ role: string }[]>`
        select role from public.workspace_members where workspace_id = ${workspace!.id} and user_id = ${USERS.alice.id}`;
      return member?.role;
    });
    expect(created).toBe("admin");
  });

  it("cannot be created in an organization the caller does not own", async () => {
    const result = await asUserRolledBack(sql, USERS.bruno, (tx) =>
      attempt(
        tx,
        (sp) => sp`insert into public.workspaces (organization_id, name, slug, created_by)
                   values (${ORGANIZATIONS.acme}, 'Side project', 'acme-side', ${USERS.bruno.id})`,
      ),
    );
    expect(result).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
  });

  it("keep their billing plan out of an admin's reach", async () => {
    const result = await asUserRolledBack(sql, USERS.alice, (tx) =>
      attempt(tx, (sp) => sp`update public.workspaces set plan = 'enterprise' where id = ${WORKSPACES.acmeGrowth}`),
    );
    expect(result).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
  });

  it("always keep one admin", async () => {
    const results = await asUserRolledBack(sql, USERS.alice, async (tx) => ({
      demote: await attempt(
        tx,
        (sp) => sp`update public.workspace_members set role = 'viewer'
                   where workspace_id = ${WORKSPACES.acmeGrowth} and user_id = ${USERS.alice.id}`,
      ),
      leave: await attempt(
        tx,
        (sp) => sp`delete from public.workspace_members
                   where workspace_id = ${WORKSPACES.acmeGrowth} and user_id = ${USERS.alice.id}`,
      ),
    }));
    expect(results.demote).toMatchObject({ ok: false, code: "23514" });
    expect(results.leave).toMatchObject({ ok: false, code: "23514" });
  });

  it("take their members with them when deleted by the organization owner", async () => {
    const remaining = await asUserRolledBack(sql, USERS.alice, async (tx) => {
      const deleted = await tx`delete from public.workspaces where id = ${WORKSPACES.acmeBrand}`;
      await becomeService(tx);
      const [members] = await tx<{ n: number }[]>`
        select count(*)::int as n from public.workspace_members where workspace_id = ${WORKSPACES.acmeBrand}`;
      return { deleted: deleted.count, members: members?.n };
    });
    expect(remaining).toEqual({ deleted: 1, members: 0 });
  });
});

describe("timestamps", () => {
  it("stamp updated_at on update and keep created_at as first written", async () => {
    const stamps = await rolledBack(sql, async (tx) => {
      const [before] = await tx<{ created_at: Date; updated_at: Date }[]>`
        select created_at, updated_at from public.campaigns where name = 'Spring Launch 2027'`;
      const [after] = await tx<{ created_at: Date; updated_at: Date; now: Date }[]>`
        update public.campaigns set created_at = '2000-01-01', description = 'edited'
        where name = 'Spring Launch 2027' returning created_at, updated_at, now() as now`;
      return { before, after };
    });
    expect(stamps.after?.created_at).toEqual(stamps.before?.created_at);
    expect(stamps.after?.updated_at).toEqual(stamps.after?.now);
  });
});

describe("audit logs", () => {
  it("are insert-only for members, who may only write their own entries", async () => {
    const results = await asUserRolledBack(sql, USERS.ana, async (tx) => ({
      own: await attempt(
        tx,
        (sp) => sp`insert into public.audit_logs (workspace_id, actor_id, action, entity_type)
                   values (${WORKSPACES.acmeGrowth}, ${USERS.ana.id}, 'campaign.view', 'campaign')`,
      ),
      forged: await attempt(
        tx,
        (sp) => sp`insert into public.audit_logs (workspace_id, actor_id, action, entity_type)
                   values (${WORKSPACES.acmeGrowth}, ${USERS.alice.id}, 'campaign.delete', 'campaign')`,
      ),
      edit: await attempt(tx, (sp) => sp`update public.audit_logs set action = 'nothing.happened'`),
      erase: await attempt(tx, (sp) => sp`delete from public.audit_logs`),
    }));
    expect(results.own).toEqual({ ok: true, count: 1 });
    expect(results.forged).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
    expect(results.edit).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
    expect(results.erase).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
  });

  it("can be corrected by the service role only", async () => {
    const count = await rolledBack(sql, async (tx) => {
      await becomeService(tx);
      return (await tx`delete from public.audit_logs where workspace_id = ${WORKSPACES.acmeGrowth}`).count;
    });
    expect(count).toBeGreaterThan(0);
  });
});

describe("events", () => {
  it("carry a sequence that increases with every insert", async () => {
    const sequences = await asUserRolledBack(sql, USERS.ana, async (tx) => {
      const rows: string[] = [];
      for (const eventType of ["campaign.created", "campaign.updated", "campaign.status_changed"]) {
        const [row] = await tx<{ sequence: string }[]>`
          insert into public.events (workspace_id, channel, event_type, actor_id, payload)
          values (${WORKSPACES.acmeGrowth}, 'guild_broadcast', ${eventType}, ${USERS.ana.id}, ${tx.json({ n: 1 })})
          returning sequence`;
        rows.push(row!.sequence);
      }
      return rows.map(BigInt);
    });
    expect(sequences[0]! < sequences[1]! && sequences[1]! < sequences[2]!).toBe(true);
  });

  it("cannot be published by a viewer, or by anyone as someone else", async () => {
    const insert = (actor: string) => (sp: Tx) =>
      sp`insert into public.events (workspace_id, channel, event_type, actor_id)
         values (${WORKSPACES.acmeGrowth}, 'guild_broadcast', 'campaign.created', ${actor})`;
    const viewer = await asUserRolledBack(sql, USERS.victor, (tx) => attempt(tx, insert(USERS.victor.id)));
    const forged = await asUserRolledBack(sql, USERS.oliver, (tx) => attempt(tx, insert(USERS.alice.id)));
    expect(viewer).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
    expect(forged).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
  });
});

describe("notifications", () => {
  it("reach their recipient, who may mark them read but not rewrite them", async () => {
    const outcome = await rolledBack(sql, async (tx) => {
      await becomeUser(tx, USERS.oliver);
      const [created] = await tx<{ id: string }[]>`
        insert into public.notifications (workspace_id, user_id, channel, body)
        values (${WORKSPACES.acmeGrowth}, ${USERS.victor.id}, 'in_app', 'Your report is ready') returning id`;
      await becomeUser(tx, USERS.victor);
      const mine = await tx<{ id: string }[]>`select id from public.notifications`;
      const read = await attempt(
        tx,
        (sp) => sp`update public.notifications set status = 'read', read_at = now() where id = ${created!.id}`,
      );
      const rewrite = await attempt(
        tx,
        (sp) => sp`update public.notifications set body = 'Send me your password' where id = ${created!.id}`,
      );
      await becomeUser(tx, USERS.ana);
      const others = await tx<{ id: string }[]>`select id from public.notifications`;
      return { mine: mine.map((row) => row.id), created: created!.id, read, rewrite, others: others.length };
    });
    expect(outcome.mine).toEqual([outcome.created]);
    expect(outcome.read).toEqual({ ok: true, count: 1 });
    expect(outcome.rewrite).toMatchObject({ ok: false, code: INSUFFICIENT_PRIVILEGE });
    expect(outcome.others).toBe(0);
  });
});

describe("service role", () => {
  it("bypasses row-level security for system work across workspaces", async () => {
    const workspaces = await withService(
      sql,
      (tx) => tx<{ workspace_id: string }[]>`select distinct workspace_id from public.campaigns order by 1`,
    );
    // Every seeded workspace's campaigns, whoever the caller is (other test files add their own).
    expect(workspaces.map((row) => row.workspace_id)).toEqual(
      expect.arrayContaining([WORKSPACES.acmeGrowth, WORKSPACES.acmeBrand, WORKSPACES.globexLaunch]),
    );
  });
});
