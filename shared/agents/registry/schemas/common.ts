import * as v from "valibot";

/** Non-empty text of at most `max` characters. */
export const text = (max = 2000) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/** A label, name or short phrase. */
export const label = text(120);

/** Between `min` and `max` items. */
export const list = <T extends v.GenericSchema>(item: T, min: number, max: number) =>
  v.pipe(v.array(item), v.minLength(min), v.maxLength(max));

/** A probability or confidence in [0, 1]. */
export const unit = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

/** A sentiment in [-1, 1]. */
export const sentiment = v.pipe(v.number(), v.minValue(-1), v.maxValue(1));

/** A whole-number score in [0, 100]. */
export const score = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));

/** A percentage in [0, 100]. */
export const percent = v.pipe(v.number(), v.minValue(0), v.maxValue(100));

/** A non-negative amount of US dollars. */
export const usd = v.pipe(v.number(), v.minValue(0));

/** A whole number from `min` up, optionally at most `max`. */
export const count = (min = 0, max?: number) =>
  max === undefined
    ? v.pipe(v.number(), v.integer(), v.minValue(min))
    : v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** A calendar date, YYYY-MM-DD. */
export const day = v.pipe(v.string(), v.isoDate());

/** What a campaign or asset is for, along the funnel. */
export const campaignObjective = v.picklist(["awareness", "consideration", "conversion", "retention"]);

/** Low / medium / high. */
export const level = v.picklist(["low", "medium", "high"]);

/** Finding and risk severity, shared by Matrix and Guardian so alerts rank alike. */
export const severity = v.picklist(["low", "medium", "high", "critical"]);

/** The platforms and channels campaigns run on. */
export const platform = v.picklist([
  "google",
  "youtube",
  "meta",
  "instagram",
  "linkedin",
  "tiktok",
  "x",
  "email",
  "web",
]);

/** Who the brand is and whom it speaks to: the context most agents start from. */
export const BrandContext = v.object({
  brandName: label,
  product: text(300),
  audience: text(300),
  positioning: v.optional(text(500)),
  tone: v.optional(label),
});

/** An asset submitted for review (creative or compliance). */
export const Asset = v.object({
  kind: v.picklist(["headline", "ad", "email", "social_post", "landing_page", "video_script", "visual_brief"]),
  platform: v.optional(platform),
  content: text(8000),
});

/** The brand's rules for voice and look, as a reviewer applies them. */
export const BrandGuidelines = v.object({
  voice: text(500),
  doList: list(label, 0, 20),
  dontList: list(label, 0, 20),
});

/** A dated observation from any source. */
export const Observation = v.object({
  source: label,
  observedAt: day,
  note: text(1000),
});

/** A theme with how often it appears and a representative quote. */
export const Theme = v.object({
  theme: label,
  frequencyPct: percent,
  quote: text(500),
});

/** A metric's value on a date. */
export const Point = v.object({ date: day, value: v.number() });
