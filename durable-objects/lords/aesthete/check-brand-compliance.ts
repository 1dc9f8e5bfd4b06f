import type { Json } from "../../../shared/db/rows.generated.ts";
import { checkBrandCompliance as checkCompliance, qualityLevel } from "../../../shared/domain/aesthete/index.ts";
import { defineCapability } from "../capability.ts";
import { resolveContent } from "./content.ts";
import { loadGuidelines } from "./guidelines.ts";
import { type ReviewRecord, reviewColumns, round2 } from "./reviews.ts";
import { contentInput } from "./schemas.ts";

/** `POST /lords/aesthete/brand-compliance/check`. */
export const CheckBrandComplianceInput = contentInput({});

/**
 * Checks content against every machine-checkable rule of the brand guidelines, each with its
 * weight (the guideline's weight × the rule's), and stores a brand-compliance review: score =
 * weighted share of rules passed, violations with their character positions in the text, and the
 * free-text guidance that needs a human reviewer listed as unchecked.
 */
export const checkBrandCompliance = defineCapability({
  name: "check_brand_compliance",
  description: "Evaluates every brand guideline rule with its weight and reports violations with positions",
  input: CheckBrandComplianceInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const guidelines = await loadGuidelines(tx, ctx.workspaceId, input.guideline_ids);
      const { item, text } = await resolveContent(tx, emit, ctx.workspaceId, ctx.actor.userId, input);
      const report = checkCompliance(text, { rules: guidelines.text.rules ?? [] });
      const score = round2(report.score);
      const rules = report.rules.map((rule) => ({ ...rule, ...guidelines.ruleSources.get(rule.ruleId) }));
      const passed = rules.filter((rule) => rule.passed);
      const failed = rules.filter((rule) => !rule.passed);
      const violations = report.violations.map((violation) => ({
        rule_id: violation.ruleId,
        position: violation.position,
        excerpt: violation.excerpt,
        message: violation.message,
      }));
      const feedback =
        rules.length === 0
          ? "No machine-checkable brand rules apply."
          : `${passed.length} of ${rules.length} rules passed (${score.toFixed(0)}% of the weight); ` +
            `${violations.length} violation${violations.length === 1 ? "" : "s"}.`;
      const breakdown = {
        compliant: report.compliant,
        rules,
        guidelines: guidelines.applied,
        unchecked_rules: guidelines.unchecked,
      };
      const [review] = await tx<ReviewRecord[]>`
        insert into public.content_reviews as r
          (workspace_id, content_item_id, content_version, review_kind, score, quality_level, feedback,
           strengths, improvements, violations, breakdown, reviewed_by)
        values (${ctx.workspaceId}, ${item.id}, ${item.version}, 'brand_compliance', ${score}, ${qualityLevel(score)},
                ${feedback}, ${tx.json(passed.map((rule) => rule.description))},
                ${tx.json(failed.map((rule) => rule.description))}, ${tx.json(violations as unknown as Json)},
                ${tx.json(breakdown as unknown as Json)}, ${ctx.actor.userId})
        returning ${reviewColumns(tx)}`;
      await emit("compliance.checked", {
        review_id: review!.id,
        content_item_id: item.id,
        content_version: item.version,
        score,
        compliant: report.compliant,
        violations: violations.length,
      });
      return { review: review!, compliant: report.compliant, content_item: { id: item.id, version: item.version } };
    });
    ctx.state.count("compliance_checks");
    if (!result.compliant) ctx.state.count("compliance_failures");
    return result;
  },
});
