import { DomainInputError } from "../errors.ts";
import { sentenceSpans, wordSpans } from "../text/index.ts";
import { requireInteger, requirePositive } from "../validate.ts";
import type { BrandGuidelines, BrandRule } from "./guidelines.ts";
import { findTerm } from "./terms.ts";

/** One breach of a rule; position is null when the breach is an absence (a required term is missing). */
export interface Violation {
  ruleId: string;
  position: { start: number; end: number } | null;
  excerpt: string;
  message: string;
}

/** A rule's outcome. */
export interface RuleResult {
  ruleId: string;
  kind: BrandRule["kind"];
  description: string;
  weight: number;
  passed: boolean;
  violations: Violation[];
}

/** Compliance: weighted share of rules passed (0–100), every rule's result, and all violations by position. */
export interface ComplianceReport {
  score: number;
  compliant: boolean;
  rules: RuleResult[];
  violations: Violation[];
}

/**
 * Evaluates every rule — explicit `rules` plus `bannedTerms`/`requiredTerms` as weight-1 rules — and reports each
 * with its weight. Score = Σ weight of passed rules ÷ Σ weight × 100 (100 when there are no rules).
 */
export function checkBrandCompliance(text: string, guidelines: BrandGuidelines): ComplianceReport {
  if (typeof text !== "string") throw new DomainInputError("text", "must be a string");
  const rules: BrandRule[] = [
    ...(guidelines.rules ?? []),
    ...(guidelines.bannedTerms ?? []).map((term) => ({
      id: `banned:${term}`,
      kind: "banned_term" as const,
      term,
      weight: 1,
    })),
    ...(guidelines.requiredTerms ?? []).map((term) => ({
      id: `required:${term}`,
      kind: "required_term" as const,
      term,
      weight: 1,
    })),
  ];
  const results = rules.map((rule, i) => evaluate(text, rule, `rules[${i}]`));
  const total = results.reduce((a, r) => a + r.weight, 0);
  const passed = results.filter((r) => r.passed).reduce((a, r) => a + r.weight, 0);
  const violations = results
    .flatMap((r) => r.violations)
    .sort((a, b) => (a.position?.start ?? -1) - (b.position?.start ?? -1));
  return {
    score: total === 0 ? 100 : (100 * passed) / total,
    compliant: results.every((r) => r.passed),
    rules: results,
    violations,
  };
}

function evaluate(text: string, rule: BrandRule, field: string): RuleResult {
  const weight = requirePositive(`${field}.weight`, rule.weight);
  const at = (start: number, end: number, message: string): Violation => ({
    ruleId: rule.id,
    position: { start, end },
    excerpt: text.slice(start, end),
    message,
  });
  let violations: Violation[];
  let description: string;
  switch (rule.kind) {
    case "banned_term":
      description = `Do not use "${rule.term}"`;
      violations = findTerm(text, rule.term).map((m) => at(m.start, m.end, `banned term "${m.text}"`));
      break;
    case "required_term":
      description = `Include "${rule.term}"`;
      violations =
        findTerm(text, rule.term).length > 0
          ? []
          : [{ ruleId: rule.id, position: null, excerpt: "", message: `required term "${rule.term}" is missing` }];
      break;
    case "brand_name":
      description = `Write the brand name as "${rule.name}"`;
      violations = findTerm(text, rule.name)
        .filter((m) => m.text !== rule.name)
        .map((m) => at(m.start, m.end, `"${m.text}" should be written "${rule.name}"`));
      break;
    case "max_sentence_words": {
      const limit = requireInteger(`${field}.limit`, rule.limit, 1);
      description = `Keep sentences to ${limit} words or fewer`;
      violations = sentenceSpans(text)
        .map((s) => ({ s, words: wordSpans(s.text).length }))
        .filter(({ words }) => words > limit)
        .map(({ s, words }) => at(s.start, s.end, `sentence has ${words} words (limit ${limit})`));
      break;
    }
    case "max_exclamations": {
      const limit = requireInteger(`${field}.limit`, rule.limit, 0);
      description = `Use at most ${limit} exclamation mark${limit === 1 ? "" : "s"}`;
      violations = Array.from(text.matchAll(/!/g))
        .slice(limit)
        .map((m) => at(m.index, m.index + 1, `exclamation mark beyond the limit of ${limit}`));
      break;
    }
    default:
      throw new DomainInputError(`${field}.kind`, `unknown rule kind "${String((rule as { kind: unknown }).kind)}"`);
  }
  return {
    ruleId: rule.id,
    kind: rule.kind,
    description: rule.description ?? description,
    weight,
    passed: violations.length === 0,
    violations,
  };
}
