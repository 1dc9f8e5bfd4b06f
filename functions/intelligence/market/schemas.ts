import type { JSONParsed } from "hono/utils/types";
import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../../shared/db/pagination.ts";
import { columnValues, type MarketIntelligenceRow } from "../../../shared/db/rows.generated.ts";
import {
  decimal,
  labels,
  name,
  notEmpty,
  oneOf,
  strictBody,
  text,
  timestamp,
  uuid,
} from "../../../shared/http/fields.ts";
import type { DataResponse, ListResponse } from "../../../shared/http/responses.ts";
import { SearchText } from "../search.ts";

const { intelligence_type: TYPES, threat_level: THREAT_LEVELS } = columnValues.market_intelligence;

const score = (field: string) => v.nullable(decimal(field, { min: 0, max: 100, decimals: 2 }));
const url = (field: string) =>
  v.nullable(v.pipe(v.string(`${field} must be a string`), v.url(`${field} must be a URL`), v.maxLength(2000)));

/** Searched by `q`: title and summary. */
export const SEARCHED = ["title", "summary"] as const;

/** `GET /intelligence/market`: search, filters, page and sort. */
export const ListMarketIntelligenceQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at", "gathered_at", "title"], defaultSort: "-gathered_at" }),
    q: SearchText,
    intelligence_type: v.optional(csvPicklist(TYPES, "intelligence_type")),
    threat_level: v.optional(csvPicklist(THREAT_LEVELS, "threat_level")),
    competitor_id: v.optional(uuid("competitor_id")),
    campaign_id: v.optional(uuid("campaign_id")),
  }),
  cursorMatchesSort(),
);
export type ListMarketIntelligenceQuery = v.InferOutput<typeof ListMarketIntelligenceQuery>;

const entries = {
  intelligence_type: oneOf(TYPES, "intelligence_type"),
  title: name("title", 300),
  summary: v.optional(text("summary")),
  source: v.optional(text("source", 200)),
  source_url: v.optional(url("source_url")),
  impact_score: v.optional(score("impact_score")),
  relevance_score: v.optional(score("relevance_score")),
  threat_level: v.optional(v.nullable(oneOf(THREAT_LEVELS, "threat_level"))),
  key_insights: v.optional(labels("key_insights", 50)),
  data: v.optional(v.record(v.string(), v.unknown(), "data must be a JSON object")),
  competitor_id: v.optional(v.nullable(uuid("competitor_id"))),
  campaign_id: v.optional(v.nullable(uuid("campaign_id"))),
  gathered_at: v.optional(timestamp("gathered_at")),
  expires_at: v.optional(v.nullable(timestamp("expires_at"))),
};

/** `POST /intelligence/market`. */
export const CreateMarketIntelligenceBody = strictBody(entries);
/** `PATCH /intelligence/market/:intelligenceId`: any subset of the create fields, at least one. */
export const UpdateMarketIntelligenceBody = v.pipe(v.partial(strictBody(entries)), notEmpty());

/** A market intelligence row as the handlers read it: scores cast to numbers. */
export type MarketIntelligenceRecord = Omit<MarketIntelligenceRow, "impact_score" | "relevance_score"> & {
  impact_score: number | null;
  relevance_score: number | null;
};
/** A market intelligence record as the API returns it. */
export type MarketIntelligence = JSONParsed<MarketIntelligenceRecord>;
/** A single MarketIntelligence answer: get, create, update. */
export type MarketIntelligenceResponse = DataResponse<MarketIntelligence>;
/** One page of the list. */
export type MarketIntelligenceListResponse = ListResponse<MarketIntelligence>;
