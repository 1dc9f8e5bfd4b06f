import * as v from "valibot";
import { BrandContext, campaignObjective, count, label, list, platform, text } from "./common.ts";

/** MUSE-011 to 015 in: the campaign a visual system expresses. */
export const VisualBrief = v.object({
  brand: BrandContext,
  campaignName: label,
  headline: text(120),
  keyMessage: text(500),
  brandColors: list(label, 1, 6),
  placements: list(platform, 1, 8),
});

/** MUSE-016 to 020 in: the video to make. */
export const VideoBrief = v.object({
  brand: BrandContext,
  objective: campaignObjective,
  platform,
  durationSeconds: count(6, 600),
  keyMessage: text(500),
});

/** MUSE-011/014 out: a campaign's visual plan and the assets to produce. */
export const VisualPlan = v.object({
  concept: text(600),
  palette: list(v.object({ name: label, hex: label, usage: text(200) }), 2, 6),
  typography: v.object({ headingFont: label, bodyFont: label, notes: text(300) }),
  assets: list(
    v.object({
      kind: v.picklist(["hero", "social", "email_header", "display_ad", "thumbnail"]),
      platform,
      widthPx: count(16, 8000),
      heightPx: count(16, 8000),
      headline: text(120),
      layoutNotes: text(400),
    }),
    1,
    12,
  ),
});

/** MUSE-012 out: brand identity guidance. */
export const BrandIdentity = v.object({
  moodboardThemes: list(label, 2, 6),
  palette: list(
    v.object({ name: label, hex: label, role: v.picklist(["primary", "secondary", "accent", "neutral"]) }),
    2,
    8,
  ),
  typography: v.object({ headingFont: label, bodyFont: label, notes: text(300) }),
  imageryStyle: text(600),
  logoUsageRules: list(text(200), 1, 8),
});

/** MUSE-013 out: an infographic plan. */
export const Infographic = v.object({
  title: label,
  narrativeArc: text(500),
  dataPoints: list(
    v.object({ label, value: label, encoding: v.picklist(["bar", "line", "icon", "map", "number", "pie"]) }),
    2,
    12,
  ),
  layout: text(500),
  sourceNote: text(300),
});

/** MUSE-015 out: a slide deck outline. */
export const DeckOutline = v.object({
  title: label,
  slides: list(v.object({ title: label, keyPoint: text(300), visual: text(300), speakerNotes: text(800) }), 3, 20),
});

/** MUSE-016/018 out: a scene-by-scene script. */
export const VideoScript = v.object({
  title: label,
  durationSeconds: count(6, 600),
  hook: text(300),
  scenes: list(
    v.object({
      sceneNumber: count(1, 60),
      visual: text(400),
      voiceover: text(600),
      onScreenText: v.nullable(text(120)),
      durationSeconds: count(1, 120),
    }),
    1,
    30,
  ),
  callToAction: text(200),
});

/** MUSE-017 out: video concepts to choose from. */
export const VideoConcepts = v.object({
  concepts: list(
    v.object({
      title: label,
      logline: text(300),
      hook: text(300),
      format: v.picklist(["testimonial", "explainer", "demo", "ugc", "story", "behind_the_scenes"]),
      whyItWorks: text(400),
    }),
    2,
    5,
  ),
});

/** MUSE-019 out: a storyboard. */
export const Storyboard = v.object({
  frames: list(
    v.object({
      frame: count(1, 100),
      shot: v.picklist(["wide", "medium", "close_up", "over_shoulder", "pov", "aerial", "insert"]),
      description: text(400),
      onScreenText: v.nullable(text(120)),
      transition: v.picklist(["cut", "dissolve", "match_cut", "whip_pan", "fade"]),
    }),
    3,
    40,
  ),
});

/** MUSE-020 out: direction notes for the production team. */
export const DirectionNotes = v.object({
  tone: text(300),
  pacing: text(300),
  visualStyle: text(500),
  shotList: list(text(200), 3, 20),
  musicDirection: text(300),
  castingNotes: text(400),
  accessibilityNotes: list(text(200), 1, 6),
});
