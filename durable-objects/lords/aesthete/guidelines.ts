import * as v from "valibot";
import type { Tx } from "../../../shared/db/database.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";
import type { BrandGuidelines, BrandRule, VisualGuidelines } from "../../../shared/domain/aesthete/index.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";

/**
 * The machine-checkable rules a `brand_guidelines.rules` array may hold, one object per rule.
 * Text rules (checked against copy): banned_term, required_term, brand_name, max_sentence_words,
 * max_exclamations, voice_keywords, cta_phrases. Visual rules (checked against assets): palette,
 * fonts, layout. Plain strings ("Lead with outcomes") are guidance for people; they are listed in
 * compliance results as not machine-checkable instead of being silently dropped.
 */
const Weight = v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(10)));
const Hex = v.pipe(v.string(), v.regex(/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i));
const Term = v.pipe(v.string(), v.trim(), v.minLength(1));
const StoredRule = v.variant("kind", [
  v.object({ kind: v.literal("banned_term"), term: Term, weight: Weight, description: v.optional(v.string()) }),
  v.object({ kind: v.literal("required_term"), term: Term, weight: Weight, description: v.optional(v.string()) }),
  v.object({ kind: v.literal("brand_name"), name: Term, weight: Weight, description: v.optional(v.string()) }),
  v.object({
    kind: v.literal("max_sentence_words"),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1)),
    weight: Weight,
    description: v.optional(v.string()),
  }),
  v.object({
    kind: v.literal("max_exclamations"),
    limit: v.pipe(v.number(), v.integer(), v.minValue(0)),
    weight: Weight,
    description: v.optional(v.string()),
  }),
  v.object({ kind: v.literal("voice_keywords"), terms: v.array(Term) }),
  v.object({ kind: v.literal("cta_phrases"), phrases: v.array(Term) }),
  v.object({
    kind: v.literal("palette"),
    colors: v.pipe(v.array(Hex), v.minLength(1)),
    max_delta_e: v.optional(v.pipe(v.number(), v.gtValue(0))),
  }),
  v.object({ kind: v.literal("fonts"), fonts: v.pipe(v.array(Term), v.minLength(1)) }),
  v.object({
    kind: v.literal("layout"),
    grid_columns: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    spacing_unit: v.optional(v.pipe(v.number(), v.gtValue(0))),
    corner_radius: v.optional(v.pipe(v.number(), v.minValue(0))),
    logo_placement: v.optional(Term),
  }),
]);
type StoredRule = v.InferOutput<typeof StoredRule>;

/** A guideline row as the Aesthete reads it. */
export interface GuidelineRow {
  id: string;
  name: string;
  category: string;
  weight: number;
  rules: Json;
}

/** A guideline rule the Aesthete cannot check by itself, and why. */
export interface UncheckedRule {
  guideline_id: string;
  guideline: string;
  rule: Json;
  reason: string;
}

/** The workspace's guidelines in the shapes the domain checks take, plus what could not be used. */
export interface ResolvedGuidelines {
  applied: { id: string; name: string; category: string; weight: number }[];
  text: BrandGuidelines;
  /** Compliance rule id → the guideline it came from. */
  ruleSources: Map<string, { guideline_id: string; guideline: string }>;
  visual: Partial<VisualGuidelines> & { palette: string[]; fonts: string[] };
  unchecked: UncheckedRule[];
}

/**
 * Loads the active guidelines (all of them, or the ones named) as the actor, so RLS scopes them to
 * the workspace. Naming one that does not exist or is inactive is a 400 on `guideline_ids`.
 */
export async function loadGuidelines(
  tx: Tx,
  workspaceId: string,
  ids: readonly string[] | undefined,
): Promise<ResolvedGuidelines> {
  const rows = await tx<GuidelineRow[]>`
    select id, name, category, weight::float8 as weight, rules
    from public.brand_guidelines
    where workspace_id = ${workspaceId} and is_active
      ${ids && ids.length > 0 ? tx`and id in ${tx(ids as string[])}` : tx``}
    order by created_at, id`;
  if (ids && ids.length > 0) {
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new DomainInputError("guideline_ids", `no active brand guideline with id ${missing.join(", ")}`);
    }
  }
  return resolveGuidelines(rows);
}

/**
 * Turns guideline rows into domain guidelines. A text rule's weight in compliance is the
 * guideline's weight times the rule's own (default 1): a weight-2 voice guideline's rules count
 * twice as much as a weight-1 legal one's. Rules that end up weightless cannot move a weighted
 * score, so they are reported as unchecked. Visual rules merge: palettes and fonts unite, the
 * strictest colour tolerance wins, and the first guideline to set a layout attribute keeps it.
 */
export function resolveGuidelines(rows: readonly GuidelineRow[]): ResolvedGuidelines {
  const resolved: ResolvedGuidelines = {
    applied: rows.map(({ id, name, category, weight }) => ({ id, name, category, weight })),
    text: { rules: [], voiceKeywords: [], requiredTerms: [], bannedTerms: [] },
    ruleSources: new Map(),
    visual: { palette: [], fonts: [] },
    unchecked: [],
  };
  for (const row of rows) {
    const rules = Array.isArray(row.rules) ? row.rules : [];
    rules.forEach((raw, index) => {
      const source = { guideline_id: row.id, guideline: row.name };
      const skip = (reason: string) => void resolved.unchecked.push({ ...source, rule: raw, reason });
      if (typeof raw === "string") {
        skip("free-text guidance; needs a human reviewer");
        return;
      }
      const parsed = v.safeParse(StoredRule, raw);
      if (parsed.success) apply(resolved, parsed.output, `${row.id}#${index}`, row.weight, source, skip);
      else skip(`not a recognised rule: ${parsed.issues[0].message}`);
    });
  }
  if (resolved.text.ctaPhrases?.length === 0) delete resolved.text.ctaPhrases;
  return resolved;
}

function apply(
  out: ResolvedGuidelines,
  rule: StoredRule,
  id: string,
  guidelineWeight: number,
  source: { guideline_id: string; guideline: string },
  skip: (reason: string) => void,
): void {
  const text = out.text;
  const visual = out.visual;
  switch (rule.kind) {
    case "voice_keywords":
      text.voiceKeywords!.push(...rule.terms);
      return;
    case "cta_phrases":
      text.ctaPhrases = [...(text.ctaPhrases ?? []), ...rule.phrases];
      return;
    case "palette":
      visual.palette.push(...rule.colors);
      if (rule.max_delta_e !== undefined) visual.maxDeltaE = Math.min(visual.maxDeltaE ?? Infinity, rule.max_delta_e);
      return;
    case "fonts":
      visual.fonts.push(...rule.fonts);
      return;
    case "layout": {
      visual.layout ??= {};
      const layout = visual.layout;
      layout.gridColumns ??= rule.grid_columns;
      layout.spacingUnit ??= rule.spacing_unit;
      layout.cornerRadius ??= rule.corner_radius;
      layout.logoPlacement ??= rule.logo_placement;
      for (const key of Object.keys(layout) as (keyof typeof layout)[]) {
        if (layout[key] === undefined) delete layout[key];
      }
      return;
    }
    default: {
      const weight = guidelineWeight * (rule.weight ?? 1);
      if (weight <= 0) {
        skip("weight 0: it cannot count in the compliance score");
        return;
      }
      const { weight: _own, ...rest } = rule;
      text.rules!.push({ ...rest, id, weight } as BrandRule);
      out.ruleSources.set(id, source);
      // The quality rubric's voice and banned-term dimensions read the same terms.
      if (rule.kind === "banned_term") text.bannedTerms!.push(rule.term);
      if (rule.kind === "required_term") text.requiredTerms!.push(rule.term);
    }
  }
}

/** The visual guidelines, or a 400 saying how to add a palette when the workspace has none. */
export function visualGuidelines(resolved: ResolvedGuidelines): VisualGuidelines {
  if (resolved.visual.palette.length === 0) {
    throw new DomainInputError(
      "guideline_ids",
      'the brand guidelines define no colour palette; add a guideline rule {"kind": "palette", "colors": ["#0a2540", …]}',
    );
  }
  return resolved.visual;
}
