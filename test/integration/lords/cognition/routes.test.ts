import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { capabilitiesOf, reactionsOf } from "../../../../durable-objects/lords/registry.ts";
import { call, ORIGIN } from "../../../helpers/api.ts";
import { USERS, WORKSPACES } from "../../../helpers/db.ts";

// Cognition's HTTP surface as the OpenAPI document (generated from the real router) shows it:
// every route the spec lists, at exactly its path, and the Lord's registration.
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
  it("Cognition serves the spec's twelve routes (status is served for every Lord)", async () => {
    const doc = await paths();
    expect(routesOf(doc, "cognition")).toEqual(
      [
        "POST /cognition/learning/record",
        "GET /cognition/learning/recent",
        "GET /cognition/learning/{id}",
        "POST /cognition/synthesis/create",
        "GET /cognition/synthesis/recent",
        "GET /cognition/synthesis/{id}",
        "POST /cognition/decisions/make",
        "GET /cognition/decisions/recent",
        "GET /cognition/decisions/{id}",
        "POST /cognition/mentoring/provide",
        "GET /cognition/learning/summary",
      ].sort(),
    );
    expect(Object.keys(doc)).toContain(`${base}/{lord}/status`);
  });

  it("Cognition is registered with its capabilities and its reaction to rejected content", () => {
    expect(capabilitiesOf("cognition").map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "record_learning",
        "synthesize_knowledge",
        "make_decision",
        "mentor_agent",
        "get_learning_summary",
      ]),
    );
    expect(reactionsOf("cognition").map((r) => [r.name, r.on])).toEqual([
      ["learn_from_rejection", ["content.rejected"]],
    ]);
  });

  it("GET /lords/cognition/status answers members with the Lord's capabilities; non-members get 404", async () => {
    const status = await call<{ data: { lord: string; capabilities: { name: string; mutates: boolean }[] } }>(
      USERS.victor,
      `/api/workspaces/${WORKSPACES.acmeGrowth}/lords/cognition/status`,
    );
    expect(status.status).toBe(200);
    expect(status.body.data.lord).toBe("cognition");
    expect(status.body.data.capabilities).toContainEqual(
      expect.objectContaining({ name: "record_learning", mutates: true }),
    );
    const outsider = await call(USERS.gina, `/api/workspaces/${WORKSPACES.acmeGrowth}/lords/cognition/status`);
    expect(outsider.status).toBe(404);
  });
});
