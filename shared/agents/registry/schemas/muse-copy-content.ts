import * as v from "valibot";
import { BrandContext, campaignObjective, count, label, level, list, platform, score, text } from "./common.ts";

const contentFormat = v.picklist([
  "blog",
  "video",
  "podcast",
  "webinar",
  "social",
  "newsletter",
  "whitepaper",
  "case_study",
]);

/** MUSE-001 to 005 in: what the copy must say, to whom, to achieve what. */
export const CopyBrief = v.object({
  brand: BrandContext,
  objective: campaignObjective,
  keyMessage: text(500),
  audiencePainPoint: text(300),
  channel: v.optional(platform),
  mandatories: v.optional(list(label, 0, 10)),
});

/** MUSE-006 to 010 in: the goals and audiences a content programme serves. */
export const ContentBrief = v.object({
  brand: BrandContext,
  goals: list(label, 1, 6),
  audienceSegments: list(label, 1, 6),
  timeframeWeeks: count(1, 52),
  existingContent: v.optional(list(label, 0, 50)),
});

/** MUSE-001 out: 5-10 headline variants with the formula behind each, reasoning and a score. */
export const HeadlineVariants = v.object({
  variants: list(
    v.object({
      headline: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
      formula: v.picklist([
        "benefit_first",
        "how_to",
        "question",
        "number_list",
        "problem_agitate_solve",
        "aida",
        "curiosity_gap",
        "social_proof",
      ]),
      reasoning: text(400),
      predictedImpact: score,
    }),
    5,
    10,
  ),
  recommendedIndex: count(0, 9),
});

/** MUSE-002 out: long-form body copy in parts. */
export const BodyCopy = v.object({
  opening: text(600),
  body: text(4000),
  close: text(600),
  keyMessages: list(label, 1, 5),
  readingLevel: v.picklist(["simple", "standard", "expert"]),
});

/** MUSE-003 out: call-to-action variants. */
export const CtaVariants = v.object({
  variants: list(
    v.object({
      cta: v.pipe(v.string(), v.minLength(1), v.maxLength(30)),
      placement: v.picklist(["hero", "inline", "footer", "email", "ad", "popup"]),
      urgency: level,
      reasoning: text(300),
    }),
    3,
    8,
  ),
});

/** MUSE-004 out: an email, from subject line to CTA. */
export const EmailDraft = v.object({
  subjectLines: list(v.pipe(v.string(), v.minLength(1), v.maxLength(70)), 3, 5),
  previewText: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  body: text(5000),
  cta: v.pipe(v.string(), v.minLength(1), v.maxLength(30)),
  sendTimeSuggestion: text(200),
});

/** MUSE-005 out: ads within each platform's character limits. */
export const AdCopySet = v.object({
  ads: list(
    v.object({
      platform,
      headline: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
      primaryText: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
      description: v.pipe(v.string(), v.minLength(1), v.maxLength(90)),
      cta: v.pipe(v.string(), v.minLength(1), v.maxLength(25)),
    }),
    1,
    10,
  ),
});

/** MUSE-006 out: content pillars. */
export const ContentPillars = v.object({
  pillars: list(
    v.object({
      name: label,
      thesis: text(400),
      subtopics: list(label, 1, 8),
      formats: list(contentFormat, 1, 4),
      audienceSegment: label,
    }),
    3,
    6,
  ),
});

/** MUSE-007 out: the brand narrative and its beats. */
export const Narrative = v.object({
  coreNarrative: text(1000),
  problem: text(400),
  stakes: text(400),
  brandRole: text(400),
  transformation: text(400),
  proofPoints: list(text(300), 1, 6),
  storyBeats: list(v.object({ beat: label, message: text(300) }), 3, 8),
});

/** MUSE-008 out: an editorial calendar. */
export const EditorialCalendar = v.object({
  entries: list(
    v.object({
      week: count(1, 52),
      pillar: label,
      title: label,
      format: contentFormat,
      channel: platform,
      owner: label,
    }),
    1,
    52,
  ),
});

/** MUSE-009 out: SEO content briefs. */
export const SeoBriefs = v.object({
  briefs: list(
    v.object({
      title: label,
      targetKeyword: label,
      searchIntent: v.picklist(["informational", "commercial", "transactional"]),
      outline: list(label, 2, 12),
      wordCountTarget: count(300, 5000),
      internalLinks: list(label, 0, 8),
    }),
    1,
    10,
  ),
});

/** MUSE-010 out: the messaging framework (Maniacal Onboarding step 9). */
export const MessagingFramework = v.object({
  valueProposition: text(300),
  elevatorPitch: text(600),
  pillars: list(v.object({ message: text(300), proofPoints: list(text(300), 1, 4) }), 2, 5),
  toneGuidelines: list(text(200), 1, 6),
  wordsToAvoid: list(label, 0, 12),
});
