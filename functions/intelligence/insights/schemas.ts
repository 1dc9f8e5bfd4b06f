import type { JSONParsed } from "hono/utils/types";
import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../../shared/db/pagination.ts";
import { type CustomerInsightsRow, columnValues } from "../../../shared/db/rows.generated.ts";
import {
  decimal,
  labels,
  MAX_TEXT,
  name,
  notEmpty,
  oneOf,
  strictBody,
  text,
  uuid,
} from "../../../shared/http/fields.ts";
import type { DataResponse, ListResponse } from "../../../shared/http/responses.ts";
import { SearchText } from "../search.ts";

const { insight_type: TYPES } = columnValues.customer_insights;

/** Searched by `q`: title and the insight itself. */
export const SEARCHED = ["title", "insight"] as const;

/** `GET /intelligence/insights`: search, filters, page and sort. */
export const ListInsightsQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at", "updated_at", "title"], defaultSort: "-created_at" }),
    q: SearchText,
    insight_type: v.optional(csvPicklist(TYPES, "insight_type")),
    cohort_id: v.optional(uuid("cohort_id")),
    campaign_id: v.optional(uuid("campaign_id")),
  }),
  cursorMatchesSort(),
);
export type ListInsightsQuery = v.InferOutput<typeof ListInsightsQuery>;

const entries = {
  insight_type: oneOf(TYPES, "insight_type"),
  title: name("title", 300),
  insight: v.pipe(
    v.string("insight must be a string"),
    v.trim(),
    v.minLength(1, "insight must not be empty"),
    v.maxLength(MAX_TEXT, `insight must be at most ${MAX_TEXT} characters`),
  ),
  evidence: v.optional(labels("evidence", 50)),
  source: v.optional(text("source", 200)),
  confidence: v.optional(v.nullable(decimal("confidence", { min: 0, max: 1, decimals: 3 }))),
  impact_score: v.optional(v.nullable(decimal("impact_score", { min: 0, max: 100, decimals: 2 }))),
  cohort_id: v.optional(v.nullable(uuid("cohort_id"))),
  campaign_id: v.optional(v.nullable(uuid("campaign_id"))),
};

/** `POST /intelligence/insights`. */
export const CreateInsightBody = strictBody(entries);
/** `PATCH /intelligence/insights/:insightId`: any subset of the create fields, at least one. */
export const UpdateInsightBody = v.pipe(v.partial(strictBody(entries)), notEmpty());

/** A customer insight row as the handlers read it: confidence and impact cast to numbers. */
export type CustomerInsightRecord = Omit<CustomerInsightsRow, "confidence" | "impact_score"> & {
  confidence: number | null;
  impact_score: number | null;
};
/** A customer insight as the API returns it. */
export type CustomerInsight = JSONParsed<CustomerInsightRecord>;
/** A single CustomerInsight answer: get, create, update. */
export type CustomerInsightResponse = DataResponse<CustomerInsight>;
/** One page of the list. */
export type CustomerInsightListResponse = ListResponse<CustomerInsight>;
