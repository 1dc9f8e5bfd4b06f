import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignDetail } from "../../../../functions/campaigns/index.ts";
import type { DataResponse, ListResponse } from "../../../../functions/campaigns/responses.ts";
import { call, createWorkspace, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";

// Status transitions through the real router: the allowed lifecycle, 409s that name the allowed
// next states and change nothing, and archiving as the final, read-only state.
const sql = testSql();
let ws: string;
const path = (suffix = "") => `/api/workspaces/${ws}/campaigns${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, { members: [[USERS.ana, "analyst"]] });
});

async function newCampaign(name = "Lifecycle"): Promise<string> {
  const res = await call<DataResponse<CampaignDetail>>(USERS.ana, path(), {
    body: { name, objective_type: "awareness" },
  });
  expect(res.status).toBe(201);
  return res.body.data.id;
}

const transition = (id: string, to: string) =>
  call<DataResponse<CampaignDetail>>(USERS.ana, path(`/${id}/transitions`), { body: { to } });

async function statusEvents(id: string) {
  return sql<{ event_type: string; payload: { from: string; to?: string } }[]>`
    select event_type, payload from public.events
    where workspace_id = ${ws} and payload ->> 'campaign_id' = ${id} and event_type <> 'campaign.created'
    order by sequence`;
}

describe("POST /campaigns/:id/transitions", () => {
  it("walks planning → approved → active ⇄ paused → completed, one event per move", async () => {
    const id = await newCampaign();
    const path = ["approved", "active", "paused", "active", "paused", "completed"];
    for (const to of path) {
      const res = await transition(id, to);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data.status).toBe(to);
    }
    const events = await statusEvents(id);
    expect(events.map((e) => e.event_type)).toEqual(Array(path.length).fill("campaign.status_changed"));
    expect(events.map((e) => [e.payload.from, e.payload.to])).toEqual([
      ["planning", "approved"],
      ["approved", "active"],
      ["active", "paused"],
      ["paused", "active"],
      ["active", "paused"],
      ["paused", "completed"],
    ]);
  });

  it("refuses an illegal move with 409 naming the allowed next states, changing nothing", async () => {
    const id = await newCampaign();
    const skip = await transition(id, "active");
    expect(skip.status).toBe(409);
    const body = skip.body as unknown as ErrorBody;
    expect(body.code).toBe("INVALID_TRANSITION");
    expect(body.error).toContain("allowed next states: approved, archived");
    expect(body.details).toEqual([{ field: "to", message: expect.stringContaining('from "planning" to "active"') }]);

    expect((await transition(id, "planning")).status).toBe(409);
    expect((await transition(id, "approved")).status).toBe(200);
    const back = await transition(id, "planning");
    expect(back.status).toBe(409);
    expect((back.body as unknown as ErrorBody).error).toContain("allowed next states: active, archived");

    const current = await call<DataResponse<CampaignDetail>>(USERS.ana, path(`/${id}`));
    expect(current.body.data.status).toBe("approved");
    expect((await statusEvents(id)).map((e) => e.payload.to)).toEqual(["approved"]);
  });

  it("keeps completed campaigns from running again", async () => {
    const id = await newCampaign();
    for (const to of ["approved", "active", "completed"]) expect((await transition(id, to)).status).toBe(200);
    const again = await transition(id, "active");
    expect(again.status).toBe(409);
    expect((again.body as unknown as ErrorBody).error).toContain("allowed next states: archived");
  });
});

describe("POST /campaigns/:id/archive", () => {
  it("archives, makes the campaign read-only and hides it from default lists", async () => {
    const id = await newCampaign("To archive");
    const res = await call<DataResponse<CampaignDetail>>(USERS.ana, path(`/${id}/archive`), { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: "archived", next_statuses: [] });
    expect(await statusEvents(id)).toEqual([
      { event_type: "campaign.archived", payload: { campaign_id: id, from: "planning" } },
    ]);

    const again = await call<ErrorBody>(USERS.ana, path(`/${id}/archive`), { method: "POST" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CAMPAIGN_ARCHIVED");
    const edit = await call<ErrorBody>(USERS.ana, path(`/${id}`), { method: "PATCH", body: { name: "Revived" } });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe("CAMPAIGN_ARCHIVED");
    expect((await transition(id, "approved")).status).toBe(409);

    const listed = await call<ListResponse<CampaignDetail>>(USERS.ana, path());
    expect(listed.body.data.map((c) => c.id)).not.toContain(id);
    const archived = await call<ListResponse<CampaignDetail>>(USERS.ana, path("?status=archived"));
    expect(archived.body.data.map((c) => c.id)).toContain(id);
    expect((await call<DataResponse<CampaignDetail>>(USERS.ana, path(`/${id}`))).body.data.name).toBe("To archive");
    expect((await statusEvents(id)).length).toBe(1);
  });

  it("refuses to archive a running campaign: pause or complete it first", async () => {
    const id = await newCampaign();
    for (const to of ["approved", "active"]) await transition(id, to);
    const res = await call<ErrorBody>(USERS.ana, path(`/${id}/archive`), { method: "POST" });
    expect(res.status).toBe(409);
    expect(res.body.error).toContain("allowed next states: paused, completed");
    expect((await transition(id, "paused")).status).toBe(200);
    expect((await call(USERS.ana, path(`/${id}/archive`), { method: "POST" })).status).toBe(200);
  });

  it("is not reachable through transitions, and there is no DELETE", async () => {
    const id = await newCampaign();
    const res = await call<ErrorBody>(USERS.ana, path(`/${id}/transitions`), { body: { to: "archived" } });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: "to", message: expect.stringContaining("archive with POST") });
    expect((await call(USERS.ana, path(`/${id}`), { method: "DELETE" })).status).toBe(405);
  });
});
