import { beforeAll, describe, expect, it } from "vitest";
import type {
  Competitor,
  CompetitorListResponse,
  CompetitorResponse,
} from "../../../../functions/intelligence/competitors/index.ts";
import { call, createWorkspace, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";

// Competitors through the real router: unique names per workspace, search, filters, events.
const sql = testSql();
let ws: string;
const path = (suffix = "") => `/api/workspaces/${ws}/intelligence/competitors${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.oliver, "lord_operator"],
      [USERS.victor, "viewer"],
    ],
  });
});

async function create(body: Record<string, unknown>): Promise<Competitor> {
  const res = await call<CompetitorResponse>(USERS.oliver, path(), { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.headers.get("location")).toBe(path(`/${res.body.data.id}`));
  return res.body.data;
}

const eventTypes = async (id: string) =>
  (
    await sql<{ event_type: string }[]>`
      select event_type from public.events
      where workspace_id = ${ws} and payload ->> 'competitor_id' = ${id} order by sequence`
  ).map((row) => row.event_type);

describe("competitors", () => {
  it("tracks a competitor with defaults and records competitor.created", async () => {
    const competitor = await create({
      name: "Hooli",
      website: "https://hooli.example",
      strengths: ["Distribution"],
      weaknesses: ["Slow support"],
    });
    expect(competitor).toMatchObject({
      name: "Hooli",
      threat_level: "medium",
      status: "active",
      strengths: ["Distribution"],
      weaknesses: ["Slow support"],
      created_by: USERS.oliver.id,
    });
    expect(await eventTypes(competitor.id)).toEqual(["competitor.created"]);
  });

  it("answers 409 for a name the workspace already tracks; other workspaces may reuse it", async () => {
    await create({ name: "Globo Gym" });
    const dup = await call<ErrorBody>(USERS.oliver, path(), { body: { name: "Globo Gym" } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "DUPLICATE", details: [{ field: "name" }] });
    // The seed's acme-growth tracks "Initech"; this workspace may too.
    await create({ name: "Initech" });
  });

  it("changes and deletes, one event per write", async () => {
    const competitor = await create({ name: "Vandelay" });
    const changed = await call<CompetitorResponse>(USERS.oliver, path(`/${competitor.id}`), {
      method: "PATCH",
      body: { threat_level: "critical", status: "monitoring", positioning: "Importer-exporter" },
    });
    expect(changed.body.data).toMatchObject({ threat_level: "critical", status: "monitoring" });
    expect((await call<CompetitorResponse>(USERS.victor, path(`/${competitor.id}`))).body).toEqual(changed.body);
    expect((await call(USERS.oliver, path(`/${competitor.id}`), { method: "DELETE" })).status).toBe(204);
    expect((await call(USERS.oliver, path(`/${competitor.id}`), { method: "DELETE" })).status).toBe(404);
    expect(await eventTypes(competitor.id)).toEqual(["competitor.created", "competitor.updated", "competitor.deleted"]);
  });

  it("searches name, description and positioning; filters by threat level and status", async () => {
    const a = await create({ name: "Acme Rockets", description: "Explosive growth tools", threat_level: "high" });
    const b = await create({ name: "Stark", positioning: "Premium rocket analytics", status: "monitoring" });
    const ids = async (query: string) =>
      (await call<CompetitorListResponse>(USERS.victor, path(`?limit=100&${query}`))).body.data.map((c) => c.id);
    expect((await ids("q=rocket")).sort()).toEqual([a.id, b.id].sort());
    expect(await ids("q=explosive")).toEqual([a.id]);
    expect(await ids("q=rocket&threat_level=high")).toEqual([a.id]);
    expect(await ids("q=rocket&status=monitoring")).toEqual([b.id]);
  });

  it("lists by name by default and never another workspace's rows", async () => {
    const names = (await call<CompetitorListResponse>(USERS.victor, path("?limit=100"))).body.data.map((c) => c.name);
    expect(names).toEqual([...names].sort());
    const [seeded] = await sql<{ id: string }[]>`
      select id from public.competitors where workspace_id = ${WORKSPACES.acmeGrowth} limit 1`;
    expect((await call(USERS.victor, path(`/${seeded!.id}`))).status).toBe(404);
    expect((await call(USERS.oliver, path(`/${seeded!.id}`), { method: "PATCH", body: { name: "x" } })).status).toBe(
      404,
    );
  });

  it("refuses viewers' writes", async () => {
    expect((await call(USERS.victor, path(), { body: { name: "Nope" } })).status).toBe(403);
  });
});
