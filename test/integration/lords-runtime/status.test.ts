import { createExecutionContext, env, SELF } from "cloudflare:test";
import { Hono } from "hono";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capabilitiesOf } from "../../../durable-objects/lords/registry.ts";
import { createApp } from "../../../functions/app.ts";
import { lordAction, lordQuery } from "../../../functions/lords/index.ts";
import type { CouncilStatusResponse, LordStatusResponse } from "../../../functions/lords/status.ts";
import type { AppEnv } from "../../../shared/app-env.ts";
import { LORDS } from "../../../shared/events/catalogue.ts";
import { lordClient } from "../../../shared/lords/client.ts";
import { type SeedUser, testSql, USERS } from "../../helpers/db.ts";
import { createWorkspace, dropWorkspace, tokenFor, workspaceUrl } from "./helpers.ts";

const sql = testSql();
let workspaceId: string;
beforeAll(async () => {
  workspaceId = await createWorkspace(sql, "status");
});
afterAll(() => dropWorkspace(sql, workspaceId));

async function get(path: string, user: SeedUser = USERS.victor): Promise<Response> {
  return SELF.fetch(workspaceUrl(workspaceId, path), {
    headers: { authorization: `Bearer ${await tokenFor(user)}` },
  });
}

// A Lord whose capability list is empty (the Lords' own capabilities land later), or failing
// that the first Lord: the message must list exactly what the registry holds.
const probeLord = LORDS.find((lord) => capabilitiesOf(lord).length === 0) ?? LORDS[0];
const validNames = capabilitiesOf(probeLord).map((capability) => capability.name);

/** The real app plus one route built with the helpers, as a Lord's folder would add it. */
function appWithProbeRoutes() {
  const app = createApp();
  app.route(
    `/api/workspaces/:workspaceId/lords/${probeLord}`,
    new Hono<AppEnv>()
      .post(
        "/probe/:item",
        ...lordAction(probeLord, "no_such_capability", v.object({ n: v.number() }), {
          params: v.object({ item: v.pipe(v.string(), v.uuid()) }),
        }),
      )
      .get("/probe", ...lordQuery(probeLord, "no_such_query", v.object({ q: v.optional(v.string()) }))),
  );
  return app;
}

async function callProbe(method: "GET" | "POST", path: string, user: SeedUser = USERS.oliver, body?: unknown) {
  const res = await appWithProbeRoutes().request(
    workspaceUrl(workspaceId, `/lords/${probeLord}${path}`),
    {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(user)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    env,
    createExecutionContext(),
  );
  return {
    status: res.status,
    body: await res.json<{ code: string; error: string; details: { field?: string; valid?: string[] }[] }>(),
  };
}

describe("status routes: happy", () => {
  it("GET /lords/:lord/status reports capabilities, state counts and performance", async () => {
    const res = await get("/lords/architect/status");
    expect(res.status).toBe(200);
    const { status, data } = await res.json<LordStatusResponse>();
    expect(status).toBe("success");
    expect(data).toMatchObject({
      lord: "architect",
      workspace_id: workspaceId,
      capabilities: capabilitiesOf("architect").map(({ name, description, mutates }) => ({
        name,
        description,
        mutates,
      })),
      state: { active_items: {}, counters: {}, recent_decisions: [] },
      performance: { executions: 0, successes: 0, failures: 0, success_rate: null, average_latency_ms: null },
      connections: 0,
    });
  });

  it("GET /lords/council/status covers all seven Lords, totals and the bus", async () => {
    const res = await get("/lords/council/status");
    expect(res.status).toBe(200);
    const { data } = await res.json<CouncilStatusResponse>();
    expect(data.lords.map((lord) => lord.lord)).toEqual([...LORDS]);
    expect(data.totals).toMatchObject({ executions: 0, success_rate: null, connections: 0 });
    expect(data.bus).toMatchObject({ workspace_id: workspaceId, connections: 0 });
  });
});

describe("status routes: errors", () => {
  it("an unknown Lord is a 400 naming the field", async () => {
    const res = await get("/lords/jester/status");
    expect(res.status).toBe(400);
    const body = await res.json<{ code: string; details: { field: string }[] }>();
    expect(body.code).toBe("VALIDATION_ERROR");
    expect(body.details[0]?.field).toBe("lord");
  });

  it("an unknown capability is a 400 listing the Lord's valid capabilities", async () => {
    const { status, body } = await callProbe("POST", `/probe/${crypto.randomUUID()}`, USERS.oliver, { n: 1 });
    expect(status).toBe(400);
    expect(body.code).toBe("UNKNOWN_CAPABILITY");
    expect(body.error).toBe(
      `Unknown capability 'no_such_capability' for the ${probeLord} Lord; valid capabilities: ${validNames.length > 0 ? validNames.join(", ") : "none"}`,
    );
    expect(body.details[0]?.valid).toEqual(validNames);
  });

  it("the same answer comes from the typed client, as a result or as a thrown ApiError", async () => {
    const client = lordClient(env, workspaceId, probeLord);
    const context = {
      actor: {
        userId: USERS.oliver.id,
        kind: "user" as const,
        role: "lord_operator" as const,
        claims: { sub: USERS.oliver.id, role: "authenticated" },
      },
      requestId: "req-client",
    };
    const result = await client.tryExecute("no_such_capability", {}, context);
    expect(result).toMatchObject({ ok: false, error: { status: 400, code: "UNKNOWN_CAPABILITY" } });
    await expect(client.execute("no_such_capability", {}, context)).rejects.toMatchObject({
      name: "ApiError",
      status: 400,
      code: "UNKNOWN_CAPABILITY",
    });
  });

  it("lordAction validates the body and path before the Lord is called", async () => {
    const bad = await callProbe("POST", "/probe/not-a-uuid", USERS.oliver, { n: "one" });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("VALIDATION_ERROR");
    expect(bad.body.details.map((detail) => detail.field)).toContain("item");
  });

  it("lordQuery validates the query and reaches the Lord with lords:read", async () => {
    const { status, body } = await callProbe("GET", "/probe?q=x", USERS.victor);
    expect(status).toBe(400);
    expect(body.code).toBe("UNKNOWN_CAPABILITY");
  });
});

describe("status routes: security", () => {
  it("refuses status without a token (401) and to non-members (404)", async () => {
    const anonymous = await SELF.fetch(workspaceUrl(workspaceId, "/lords/council/status"));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ status: "error", code: "AUTH_TOKEN_MISSING" });
    const outsider = await get("/lords/council/status", USERS.nina);
    expect(outsider.status).toBe(404);
  });

  it("lordAction refuses a viewer with 403 before the Lord is called", async () => {
    const { status, body } = await callProbe("POST", `/probe/${crypto.randomUUID()}`, USERS.victor, { n: 1 });
    expect(status).toBe(403);
    expect(body.code).toBe("INSUFFICIENT_ROLE");
  });
});
