import * as v from "valibot";
import { Asset, count, label, list, severity, text } from "./common.ts";

/** GRD-001 to 010 in: an asset with where, for whom and in what industry it will run. */
export const ComplianceRequest = v.object({
  asset: Asset,
  market: label,
  industry: label,
  landingPageUrl: v.optional(v.pipe(v.string(), v.url())),
  targeting: v.optional(
    v.object({
      ageMin: v.optional(count(13, 99)),
      ageMax: v.optional(count(13, 99)),
      locations: v.optional(list(label, 0, 50)),
      interests: v.optional(list(label, 0, 50)),
    }),
  ),
  substantiation: v.optional(list(text(1000), 0, 20)),
});

/**
 * GRD-001 to 010 out: a verdict and findings that cite the rule they apply, so every Guardian's output can be
 * merged, ranked by severity and traced back to a policy.
 */
export const ComplianceReport = v.object({
  verdict: v.picklist(["pass", "pass_with_changes", "fail"]),
  findings: list(
    v.object({
      ruleId: label,
      rule: text(300),
      severity,
      excerpt: text(500),
      explanation: text(600),
      fix: text(500),
    }),
    0,
    30,
  ),
  policiesChecked: list(label, 1, 20),
  summary: text(600),
});
