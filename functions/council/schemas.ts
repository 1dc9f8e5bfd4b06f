import * as v from "valibot";
import { csvPicklist, decodeCursor, type Page } from "../../shared/db/pagination.ts";
import { columnValues } from "../../shared/db/rows.generated.ts";
import { LORDS, type LordName } from "../../shared/events/catalogue.ts";
import { strictQuery, timestamp } from "../campaigns/fields.ts";

/** Kinds of council decision: the `decisions.decision_type` values (approvals and rulings map onto them). */
export const DECISION_KINDS = columnValues.decisions.decision_type;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Where a council decision is stored. */
export const DECISION_SOURCES = ["decisions", "initiatives", "approval_workflows", "arbitration_decisions"] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

/** Most decisions one page holds. */
export const MAX_DECISIONS = 200;
/** Decisions per page when the query names no limit. */
export const DEFAULT_DECISIONS = 50;

/** The sort key a decisions cursor is issued for: newest decision first. */
export const DECISIONS_SORT = "-decided_at";

/** `GET /council/decisions`: filters by Lord, kind, source and time, newest first, keyset pages. */
export const DecisionsQuery = strictQuery({
  lord: v.optional(csvPicklist(LORDS, "lord")),
  kind: v.optional(csvPicklist(DECISION_KINDS, "kind")),
  source: v.optional(csvPicklist(DECISION_SOURCES, "source")),
  since: v.optional(timestamp("since")),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,6}$/, "limit must be a positive integer"),
      v.transform((text) => Math.min(Math.max(Number(text), 1), MAX_DECISIONS)),
    ),
    String(DEFAULT_DECISIONS),
  ),
  cursor: v.optional(
    v.pipe(
      v.string(),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const cursor = decodeCursor(dataset.value);
        if (!cursor || cursor.sort !== DECISIONS_SORT) {
          addIssue({ message: "cursor is not a cursor this API issued" });
          return NEVER;
        }
        return cursor;
      }),
    ),
  ),
});
export type DecisionsQuery = v.InferOutput<typeof DecisionsQuery>;

/** One decision of the Council, whichever Lord's table holds it. */
export interface CouncilDecision {
  id: string;
  source: DecisionSource;
  lord: LordName;
  kind: DecisionKind;
  title: string;
  status: string;
  confidence: number | null;
  decided_by: string | null;
  decided_at: string;
  detail: Record<string, unknown>;
}

/** `GET /council/decisions` response. */
export interface DecisionsResponse {
  status: "success";
  data: Page<CouncilDecision>;
}
