import type { Sql } from "../../../../shared/db/database.ts";
import { createWorkspace } from "../../../helpers/api.ts";
import { USERS } from "../../../helpers/db.ts";

/** The Aesthete's routes in a workspace. */
export const aesthete = (workspaceId: string, path: string) => `/api/workspaces/${workspaceId}/lords/aesthete${path}`;

/** A workspace of the test file's own: alice admin, oliver lord_operator, ana analyst, victor viewer. */
export function aestheteWorkspace(sql: Sql): Promise<string> {
  return createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.oliver, "lord_operator"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
}

/** Inserts an active brand guideline with structured rules; returns its id. */
export async function addGuideline(
  sql: Sql,
  workspaceId: string,
  guideline: { name: string; category: string; weight?: number; rules: unknown[]; active?: boolean },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into public.brand_guidelines (workspace_id, name, category, weight, rules, is_active)
    values (${workspaceId}, ${guideline.name}, ${guideline.category}, ${guideline.weight ?? 1},
            ${sql.json(guideline.rules as never)}, ${guideline.active ?? true})
    returning id`;
  return row!.id;
}

/** Inserts a content item as the database owner; returns its id. */
export async function addContent(
  sql: Sql,
  workspaceId: string,
  item: { content_type: string; body: string | null; title?: string; status?: string },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into public.content_items (workspace_id, content_type, title, body, status)
    values (${workspaceId}, ${item.content_type}, ${item.title ?? "Fixture"}, ${item.body}, ${item.status ?? "draft"})
    returning id`;
  return row!.id;
}

/** The standard brand book the tests use: a voice guideline (weight 2), a legal one, a visual one. */
export async function addBrandBook(sql: Sql, workspaceId: string) {
  const voice = await addGuideline(sql, workspaceId, {
    name: "Voice",
    category: "voice",
    weight: 2,
    rules: [
      "Lead with outcomes",
      { kind: "voice_keywords", terms: ["campaign", "faster"] },
      { kind: "brand_name", name: "RaptorFlow" },
      { kind: "max_sentence_words", limit: 20 },
    ],
  });
  const legal = await addGuideline(sql, workspaceId, {
    name: "Legal",
    category: "legal",
    weight: 1,
    rules: [
      { kind: "banned_term", term: "guaranteed" },
      { kind: "max_exclamations", limit: 1 },
    ],
  });
  const visual = await addGuideline(sql, workspaceId, {
    name: "Visual identity",
    category: "visual",
    weight: 1,
    rules: [
      { kind: "palette", colors: ["#0a2540", "#635bff", "#ffffff"] },
      { kind: "fonts", fonts: ["Inter", "Söhne"] },
      { kind: "layout", grid_columns: 12, spacing_unit: 8, corner_radius: 4, logo_placement: "top-left" },
    ],
  });
  return { voice, legal, visual };
}

/** Copy that meets the brand book: on voice, short sentences, a call to action, 50+ words. */
export const GOOD_COPY = [
  "RaptorFlow helps your team plan every campaign in one place.",
  "Ship each campaign faster with clear goals and simple steps.",
  "Your team sees the plan, the work and the results on one page.",
  "Less time in meetings means more time for the work that counts.",
  "Start your free trial today and see how much faster your next campaign can go.",
].join(" ");

/** Copy that breaks the brand book: banned term, wrong brand casing, long sentences, no CTA. */
export const POOR_COPY =
  "Raptorflow is a comprehensive, enterprise-grade, omnichannel orchestration methodology delivering guaranteed " +
  "transformational synergies across heterogeneous organisational infrastructures, notwithstanding considerable " +
  "implementation complexity, interdepartmental dependencies, procurement considerations and regulatory " +
  "documentation requirements!!!";
