import type { QualityDimension } from "../../../shared/domain/aesthete/index.ts";

/** design_feedback severities, least urgent first. */
export type FeedbackSeverity = "info" | "minor" | "major" | "critical";

/** design_feedback types. */
export type FeedbackType = "layout" | "color" | "typography" | "imagery" | "copy" | "accessibility" | "brand";

/**
 * Severity of a rubric shortfall from the points of the 0–100 score it costs. The quality levels
 * above "poor" are 15–20 points wide (fair 40–60, good 60–75, excellent 75–90), so a loss of 15 can
 * drop content a whole level on its own: critical. Half a level (7.5) is major, a sixth (2.5)
 * minor; anything smaller is noted as info.
 */
export function severityForPointsLost(points: number): FeedbackSeverity {
  if (points >= 15) return "critical";
  if (points >= 7.5) return "major";
  if (points >= 2.5) return "minor";
  return "info";
}

/**
 * Severity of a visual inconsistency. A colour within twice the tolerance is a near miss (a drifted
 * export or profile) and minor; beyond that it is a different colour, as is an unapproved typeface:
 * major. Layout deviations are minor: they are visible side by side, not at a glance.
 */
export function severityForVisualIssue(
  attribute: string,
  deltaE: number | undefined,
  tolerance: number,
): FeedbackSeverity {
  if (attribute === "color") return deltaE !== undefined && deltaE > 2 * tolerance ? "major" : "minor";
  if (attribute === "font") return "major";
  return "minor";
}

/** The design_feedback type a rubric dimension or visual attribute belongs to. */
export function feedbackTypeOf(dimensionOrAttribute: QualityDimension | string): FeedbackType {
  switch (dimensionOrAttribute) {
    case "brand_voice":
    case "banned_terms":
      return "brand";
    case "color":
      return "color";
    case "font":
      return "typography";
    case "readability":
    case "length":
    case "clarity":
    case "call_to_action":
      return "copy";
    default:
      return "layout";
  }
}
