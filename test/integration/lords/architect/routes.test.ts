import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { capabilitiesOf } from "../../../../durable-objects/lords/registry.ts";
import { call, ORIGIN } from "../../../helpers/api.ts";
import { USERS, WORKSPACES } from "../../../helpers/db.ts";

// The Architect's HTTP surface as the OpenAPI document (generated from the real router) shows
// it: every route the spec lists, at exactly its path, and the Lord's registration.
const base = "/api/workspaces/{workspaceId}/lords";

async function paths(): Promise<Record<string, Record<string, unknown>>> {
  const res = await SELF.fetch(`${ORIGIN}/openapi.json`);
  expect(res.status).toBe(200);
  return (await res.json<{ paths: Record<string, Record<string, unknown>> }>()).paths;
}

const routesOf = (doc: Record<string, Record<string, unknown>>, lord: string) =>
  Object.entries(doc)
    .filter(([path]) => path.startsWith(`${base}/${lord}/`))
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path.slice(base.length)}`))
    .sort();

describe("routes", () => {
  it("the Architect serves the spec's ten routes, plus transition, strategy review and request routing", async () => {
    expect(routesOf(await paths(), "architect")).toEqual(
      [
        "POST /architect/initiatives/design",
        "GET /architect/initiatives",
        "GET /architect/initiatives/{id}",
        "POST /architect/initiatives/{id}/approve",
        "POST /architect/initiatives/{id}/transition",
        "POST /architect/architecture/analyze",
        "POST /architect/architecture/optimize",
        "POST /architect/guidance/provide",
        "GET /architect/guidance/{guild_name}",
        "POST /architect/strategy/review",
        "POST /architect/requests/route",
        "GET /architect/decisions",
      ].sort(),
    );
  });

  it("the Architect is registered with its capabilities", () => {
    expect(capabilitiesOf("architect").map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "design_initiative",
        "analyze_architecture",
        "optimize_component",
        "provide_strategic_guidance",
        "review_guild_strategy",
        "route_request",
      ]),
    );
  });

  it("GET /lords/architect/status answers members with the Lord's capabilities; non-members get 404", async () => {
    const status = await call<{ data: { lord: string; capabilities: { name: string; mutates: boolean }[] } }>(
      USERS.victor,
      `/api/workspaces/${WORKSPACES.acmeGrowth}/lords/architect/status`,
    );
    expect(status.status).toBe(200);
    expect(status.body.data.lord).toBe("architect");
    expect(status.body.data.capabilities).toContainEqual(
      expect.objectContaining({ name: "design_initiative", mutates: true }),
    );
    const outsider = await call(USERS.gina, `/api/workspaces/${WORKSPACES.acmeGrowth}/lords/architect/status`);
    expect(outsider.status).toBe(404);
  });
});
