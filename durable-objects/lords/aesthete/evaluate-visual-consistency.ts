import * as v from "valibot";
import type { Json } from "../../../shared/db/rows.generated.ts";
import { type VisualAsset, visualConsistency } from "../../../shared/domain/aesthete/index.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { strictBody } from "../../../shared/http/fields.ts";
import { defineCapability } from "../capability.ts";
import { withApiFields } from "../seer/domain-fields.ts";
import { loadGuidelines, visualGuidelines } from "./guidelines.ts";
import { round2 } from "./reviews.ts";
import { CHANNELS, Uuid } from "./schemas.ts";

const Hex = v.pipe(v.string(), v.regex(/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i, "must be a hex colour like #1a2b3c"));

/** A visual asset's palette, typography and layout attributes, as measured from the design. */
export const AssetInput = v.object({
  id: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  content_item_id: v.optional(Uuid),
  colors: v.pipe(v.array(Hex), v.maxLength(64)),
  fonts: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))), v.maxLength(32)),
  layout: v.optional(
    v.object({
      grid_columns: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(48))),
      spacing: v.optional(v.pipe(v.array(v.pipe(v.number(), v.minValue(0))), v.maxLength(64))),
      corner_radius: v.optional(v.pipe(v.number(), v.minValue(0))),
      logo_placement: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
    }),
  ),
});

/** `POST /lords/aesthete/consistency/evaluate`. */
export const EvaluateVisualConsistencyInput = v.pipe(
  strictBody({
    scope: v.picklist(
      ["campaign", "channel", "workspace", "content_set"],
      "scope must be campaign, channel, workspace or content_set",
    ),
    campaign_id: v.optional(Uuid),
    channel: v.optional(v.picklist(CHANNELS, `channel must be one of ${CHANNELS.join(", ")}`)),
    assets: v.pipe(v.array(AssetInput), v.minLength(1, "needs at least one asset"), v.maxLength(200)),
    guideline_ids: v.optional(v.pipe(v.array(Uuid), v.minLength(1), v.maxLength(100))),
  }),
  v.forward(
    v.check(
      (input) => input.scope !== "campaign" || input.campaign_id !== undefined,
      "is required when scope is campaign",
    ),
    ["campaign_id"],
  ),
  v.forward(
    v.check((input) => input.scope !== "channel" || input.channel !== undefined, "is required when scope is channel"),
    ["channel"],
  ),
  v.forward(
    v.check(
      (input) => new Set(input.assets.map((asset) => asset.id)).size === input.assets.length,
      "asset ids must be unique",
    ),
    ["assets"],
  ),
);

/** The asset in the domain's shape; fonts are left out when no guideline names typefaces to check them against. */
export function toVisualAsset(asset: v.InferOutput<typeof AssetInput>, checkFonts: boolean): VisualAsset {
  const layout = asset.layout;
  return {
    id: asset.id,
    colors: asset.colors,
    fonts: checkFonts ? asset.fonts : [],
    ...(layout
      ? {
          layout: {
            ...(layout.grid_columns !== undefined ? { gridColumns: layout.grid_columns } : {}),
            ...(layout.spacing !== undefined ? { spacing: layout.spacing } : {}),
            ...(layout.corner_radius !== undefined ? { cornerRadius: layout.corner_radius } : {}),
            ...(layout.logo_placement !== undefined ? { logoPlacement: layout.logo_placement } : {}),
          },
        }
      : {}),
  };
}

/** The domain's layout attribute names in the API's spelling (`gridColumns` → `grid_columns`). */
export function apiSpelling(text: string): string {
  return text
    .replace(/gridColumns/g, "grid_columns")
    .replace(/cornerRadius/g, "corner_radius")
    .replace(/logoPlacement/g, "logo_placement");
}

/** A domain consistency issue as the API reports it. */
export function apiIssue(issue: ReturnType<typeof visualConsistency>["issues"][number]) {
  return {
    asset_id: issue.assetId,
    attribute: apiSpelling(issue.attribute),
    actual: issue.actual,
    expected: issue.expected,
    message: apiSpelling(issue.message),
    ...(issue.deltaE !== undefined ? { delta_e: round2(issue.deltaE) } : {}),
  };
}

/**
 * Compares a set of assets with the visual guidelines (palette by CIE76 ΔE to the nearest brand
 * colour, typefaces, grid, spacing unit, corner radius, logo placement) and stores a consistency
 * report: percent of checks passed, each failed check, and a recommendation per failure.
 */
export const evaluateVisualConsistency = defineCapability({
  name: "evaluate_visual_consistency",
  description: "Compares assets' palette, typography and layout with the visual guidelines",
  input: EvaluateVisualConsistencyInput,
  mutates: true,
  async handler(input, ctx) {
    const report = await ctx.transaction(async (tx, emit) => {
      const guidelines = visualGuidelines(await loadGuidelines(tx, ctx.workspaceId, input.guideline_ids));
      const itemIds = [...new Set(input.assets.flatMap((asset) => asset.content_item_id ?? []))];
      if (itemIds.length > 0) {
        const found = await tx<{ id: string }[]>`
          select id from public.content_items where workspace_id = ${ctx.workspaceId} and id in ${tx(itemIds)}`;
        const missing = itemIds.filter((id) => !found.some((row) => row.id === id));
        if (missing.length > 0) throw new DomainInputError("assets", `no content item with id ${missing.join(", ")}`);
      }
      const checkFonts = guidelines.fonts.length > 0;
      const result = withApiFields(() =>
        visualConsistency(
          input.assets.map((asset) => toVisualAsset(asset, checkFonts)),
          guidelines,
        ),
      );
      const issues = result.issues.map(apiIssue);
      const recommendations = result.recommendations.map(apiSpelling);
      const consistencyPercent = round2(result.consistencyPercent);
      const [row] = await tx<{ id: string; created_at: Date }[]>`
        insert into public.consistency_reports
          (workspace_id, scope, campaign_id, channel, consistency_percent, content_item_count, issues, recommendations, created_by)
        values (${ctx.workspaceId}, ${input.scope}, ${input.campaign_id ?? null}, ${input.channel ?? null},
                ${consistencyPercent}, ${input.assets.length}, ${tx.json(issues as unknown as Json)},
                ${tx.json(recommendations)}, ${ctx.actor.userId})
        returning id, created_at`;
      await emit("consistency.evaluated", {
        report_id: row!.id,
        scope: input.scope,
        campaign_id: input.campaign_id ?? null,
        consistency_percent: consistencyPercent,
        issues: issues.length,
      });
      return {
        id: row!.id,
        scope: input.scope,
        campaign_id: input.campaign_id ?? null,
        channel: input.channel ?? null,
        consistency_percent: consistencyPercent,
        checks: result.checks,
        passed: result.passed,
        asset_count: input.assets.length,
        issues,
        recommendations,
        typography_checked: checkFonts,
        created_at: row!.created_at,
      };
    });
    ctx.state.count("consistency_reports");
    return report;
  },
});
