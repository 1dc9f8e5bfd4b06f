/** The eight content types Aesthete reviews. */
export const CONTENT_TYPES = [
  "copy",
  "visual",
  "design",
  "messaging",
  "branding",
  "video",
  "audio",
  "interactive",
] as const;
/** One of CONTENT_TYPES. */
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Quality levels, lowest first. */
export const QUALITY_LEVELS = ["poor", "fair", "good", "excellent", "outstanding"] as const;
/** One of QUALITY_LEVELS. */
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

/** Content scoring at least this is approved; it is also where "excellent" starts. */
export const APPROVAL_THRESHOLD = 75;

/** Level of a 0–100 score: < 40 poor, < 60 fair, < 75 good, < 90 excellent, else outstanding. */
export function qualityLevel(score: number): QualityLevel {
  if (score >= 90) return "outstanding";
  if (score >= APPROVAL_THRESHOLD) return "excellent";
  if (score >= 60) return "good";
  if (score >= 40) return "fair";
  return "poor";
}

/**
 * Target word counts per content type (the text reviewed: body copy, captions, scripts):
 * - copy 50–300: a landing-page section or email body; shorter says too little, longer loses skimmers;
 * - messaging 10–60: key messages and social posts;
 * - branding 3–30: taglines and brand statements;
 * - visual 5–40 and design 5–80: captions, alt text and design annotations;
 * - video and audio 75–375: scripts of 30 s to 2.5 min at ~150 spoken words a minute;
 * - interactive 10–120: interface microcopy and prompts.
 */
export const LENGTH_TARGETS: Readonly<Record<ContentType, { min: number; max: number }>> = {
  copy: { min: 50, max: 300 },
  messaging: { min: 10, max: 60 },
  branding: { min: 3, max: 30 },
  visual: { min: 5, max: 40 },
  design: { min: 5, max: 80 },
  video: { min: 75, max: 375 },
  audio: { min: 75, max: 375 },
  interactive: { min: 10, max: 120 },
};

/** Content types meant to make the reader act, so a call to action is expected. */
export const CTA_CONTENT_TYPES: ReadonlySet<ContentType> = new Set(["copy", "messaging", "interactive"]);

/** Phrases recognised as calls to action when guidelines give none. */
export const DEFAULT_CTA_PHRASES = [
  "sign up",
  "get started",
  "learn more",
  "buy now",
  "shop now",
  "book",
  "subscribe",
  "contact us",
  "try",
  "download",
  "register",
  "join",
  "start your free trial",
  "request a demo",
];
