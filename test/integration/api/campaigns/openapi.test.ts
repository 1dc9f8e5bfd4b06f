import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../../../helpers/api.ts";

// The marketing-core groups document themselves: every route, with its tag and summary, and the
// validated request parts generated from the same valibot schemas that check requests.
interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
}

describe("OpenAPI document", () => {
  it("lists every campaigns, moves, achievements and quests route", async () => {
    const spec = await (await SELF.fetch(`${ORIGIN}/openapi.json`)).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const ws = "/api/workspaces/{workspaceId}";
    const expected: [string, string[], string][] = [
      [`${ws}/campaigns`, ["get", "post"], "campaigns"],
      [`${ws}/campaigns/{campaignId}`, ["get", "patch"], "campaigns"],
      [`${ws}/campaigns/{campaignId}/transitions`, ["post"], "campaigns"],
      [`${ws}/campaigns/{campaignId}/archive`, ["post"], "campaigns"],
      [`${ws}/moves`, ["get", "post"], "moves"],
      [`${ws}/moves/{moveId}`, ["get", "patch", "delete"], "moves"],
      [`${ws}/achievements`, ["get", "post"], "achievements"],
      [`${ws}/achievements/{achievementId}`, ["get", "patch", "delete"], "achievements"],
      [`${ws}/quests`, ["get", "post"], "quests"],
      [`${ws}/quests/{questId}`, ["get", "patch", "delete"], "quests"],
      [`${ws}/quests/{questId}/chapters`, ["get", "post"], "quests"],
      [`${ws}/quests/{questId}/chapters/{chapterId}`, ["get", "patch", "delete"], "quests"],
    ];
    for (const [path, methods, tag] of expected) {
      const item = spec.paths[path];
      expect(item, path).toBeDefined();
      for (const method of methods) {
        const operation = item?.[method];
        expect(operation?.tags, `${method} ${path}`).toEqual([tag]);
        expect(operation?.summary, `${method} ${path}`).toEqual(expect.any(String));
        if (method === "post" || method === "patch") {
          if (!path.endsWith("/archive")) expect(operation?.requestBody, `${method} ${path}`).toBeDefined();
        }
      }
    }
    const list = spec.paths[`${ws}/campaigns`]?.get?.parameters?.map((p) => p.name) ?? [];
    expect(list).toEqual(
      expect.arrayContaining(["status", "objective_type", "q", "date_from", "date_to", "sort", "cursor", "limit"]),
    );
  });
});
