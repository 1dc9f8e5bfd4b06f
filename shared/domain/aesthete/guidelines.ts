/** A brand rule checked against text; weight says how much it counts in the compliance score. */
export type BrandRule =
  | { id: string; kind: "banned_term"; term: string; weight: number; description?: string }
  | { id: string; kind: "required_term"; term: string; weight: number; description?: string }
  /** The brand name must always appear with exactly this casing. */
  | { id: string; kind: "brand_name"; name: string; weight: number; description?: string }
  | { id: string; kind: "max_sentence_words"; limit: number; weight: number; description?: string }
  | { id: string; kind: "max_exclamations"; limit: number; weight: number; description?: string };

/** Text guidelines for a brand. */
export interface BrandGuidelines {
  /** Words that carry the brand voice; quality rewards using them. */
  voiceKeywords?: string[];
  /** Terms that must appear (weight 1 each in compliance). */
  requiredTerms?: string[];
  /** Terms that must not appear (weight 1 each in compliance). */
  bannedTerms?: string[];
  /** Calls to action the brand uses; defaults to a generic list. */
  ctaPhrases?: string[];
  rules?: BrandRule[];
}
