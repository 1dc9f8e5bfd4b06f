import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  type Cursor,
  csvPicklist,
  decodeCursor,
  encodeCursor,
  equals,
  type Fragment,
  type ListQuery,
  listPage,
  listQueryEntries,
  listQuerySchema,
  MAX_PAGE_SIZE,
  oneOf,
  type Page,
  type SqlTag,
} from "../../../shared/db/pagination.ts";
import type { CampaignsRow } from "../../../shared/db/rows.generated.ts";
import { asUserRolledBack, testSql, USERS, WORKSPACES } from "../../helpers/db.ts";

// Keyset pagination against the real schema: cursors over (sort column, id), limit clamping,
// and pages that neither skip nor repeat rows when sort values tie or differ by microseconds.
const sql = testSql();
const schema = listQuerySchema({ sortable: ["created_at", "name"], defaultSort: "-created_at" });
const parse = (query: Record<string, string>): ListQuery => v.parse(schema, query);

describe("cursors", () => {
  it("round-trip as opaque base64url", () => {
    const cursor: Cursor = { sort: "-created_at", value: "2026-11-22 10:00:00.000001+00", id: WORKSPACES.acmeGrowth };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it("reject anything the API did not issue", () => {
    expect(decodeCursor("not a cursor")).toBeUndefined();
    expect(decodeCursor(btoa(JSON.stringify(["name", "x", "not-a-uuid"])))).toBeUndefined();
    expect(decodeCursor(btoa("{}"))).toBeUndefined();
  });
});

describe("list query schema", () => {
  it("defaults the page size and sort", () => {
    expect(parse({})).toEqual({ limit: 25, sort: { key: "-created_at", column: "created_at", direction: "desc" } });
  });

  it("clamps limit to 1…100 and rejects non-numbers", () => {
    expect(parse({ limit: "500" }).limit).toBe(MAX_PAGE_SIZE);
    expect(parse({ limit: "0" }).limit).toBe(1);
    expect(v.safeParse(schema, { limit: "ten" }).success).toBe(false);
  });

  it("accepts only the listed sort keys, ascending or descending", () => {
    expect(parse({ sort: "name" }).sort).toEqual({ key: "name", column: "name", direction: "asc" });
    expect(v.safeParse(schema, { sort: "budget" }).success).toBe(false);
  });

  it("rejects a malformed cursor and a cursor issued for another sort", () => {
    const byName = encodeCursor({ sort: "name", value: "Spring", id: WORKSPACES.acmeGrowth });
    expect(v.safeParse(schema, { cursor: "%%%" }).success).toBe(false);
    const mismatch = v.safeParse(schema, { cursor: byName });
    expect(mismatch.success).toBe(false);
    expect(mismatch.issues?.[0]?.message).toBe("cursor belongs to a different sort");
    expect(parse({ cursor: byName, sort: "name" }).cursor).toMatchObject({ sort: "name", value: "Spring" });
  });

  it("composes with filters", () => {
    const filtered = v.object({
      ...listQueryEntries({ sortable: ["name"], defaultSort: "name" }),
      status: v.optional(csvPicklist(["active", "paused"], "status")),
    });
    expect(v.parse(filtered, { status: "active,paused" }).status).toEqual(["active", "paused"]);
    expect(v.safeParse(filtered, { status: "active,deleted" }).success).toBe(false);
  });
});

async function collect(sort: string, limit: number, extraWhere?: (tx: SqlTag) => Fragment | undefined) {
  return asUserRolledBack(sql, USERS.ana, async (tx) => {
    // Same transaction, so now() ties every default created_at; the explicit ones differ by 1µs.
    await tx`
      insert into public.campaigns (workspace_id, name, objective_type, created_at)
      select ${WORKSPACES.acmeGrowth}, 'Paged ' || n, 'awareness',
             case when n <= 3 then '2026-11-22 10:00:00.000001+00'::timestamptz + n * interval '1 microsecond' else now() end
      from generate_series(1, 7) as n`;
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = parse({ sort, limit: String(limit), ...(cursor ? { cursor } : {}) });
      const page: Page<CampaignsRow> = await listPage<CampaignsRow>(tx, {
        table: "public.campaigns",
        where: [equals(tx, "workspace_id", WORKSPACES.acmeGrowth), extraWhere?.(tx)],
        query,
      });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((item) => item.name));
      cursor = page.next_cursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 20);
    const [all] = await tx<{ names: string }[]>`
      select string_agg(name, '|' order by name) as names from public.campaigns where workspace_id = ${WORKSPACES.acmeGrowth}`;
    return { seen, all: all?.names.split("|") ?? [], pages };
  });
}

describe("listPage", () => {
  it("pages newest first through ties and microsecond differences without skipping or repeating", async () => {
    const { seen, all, pages } = await collect("-created_at", 3);
    expect([...seen].sort()).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(all.length / 3));
    expect(seen.indexOf("Paged 3")).toBeLessThan(seen.indexOf("Paged 2"));
    expect(seen.indexOf("Paged 2")).toBeLessThan(seen.indexOf("Paged 1"));
  });

  it("pages by name ascending with filters", async () => {
    const { seen } = await collect("name", 2, (tx) => oneOf(tx, "objective_type", ["awareness"]));
    expect(seen).toEqual(["Paged 1", "Paged 2", "Paged 3", "Paged 4", "Paged 5", "Paged 6", "Paged 7"]);
  });

  it("returns only what row-level security lets the caller see", async () => {
    const page = await asUserRolledBack(sql, USERS.gina, (tx) =>
      listPage<CampaignsRow>(tx, { table: "public.campaigns", where: [], query: parse({}) }),
    );
    // Other test files add gina to workspaces of their own while this runs: compare with her
    // memberships as they are now, and insist on the seeded facts that cannot change.
    const memberships = await sql<{ workspace_id: string }[]>`
      select workspace_id from public.workspace_members where user_id = ${USERS.gina.id}`;
    const hers = new Set(memberships.map((row) => row.workspace_id));
    const seen = new Set(page.items.map((item) => item.workspace_id));
    expect(seen.has(WORKSPACES.globexLaunch)).toBe(true);
    expect(seen.has(WORKSPACES.acmeGrowth) || seen.has(WORKSPACES.acmeBrand)).toBe(false);
    for (const workspaceId of seen) expect(hers.has(workspaceId)).toBe(true);
  });
});
