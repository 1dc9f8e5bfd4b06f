import type { JSONParsed } from "hono/utils/types";
import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../../shared/db/pagination.ts";
import { type CompetitorsRow, columnValues } from "../../../shared/db/rows.generated.ts";
import { labels, name, notEmpty, oneOf, strictBody, text } from "../../../shared/http/fields.ts";
import type { DataResponse, ListResponse } from "../../../shared/http/responses.ts";
import { SearchText } from "../search.ts";

const { threat_level: THREAT_LEVELS, status: STATUSES } = columnValues.competitors;

/** Searched by `q`: name, description and positioning. */
export const SEARCHED = ["name", "description", "positioning"] as const;

/** `GET /intelligence/competitors`: search, filters, page and sort. */
export const ListCompetitorsQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at", "updated_at", "name"], defaultSort: "name" }),
    q: SearchText,
    threat_level: v.optional(csvPicklist(THREAT_LEVELS, "threat_level")),
    status: v.optional(csvPicklist(STATUSES, "status")),
  }),
  cursorMatchesSort(),
);
export type ListCompetitorsQuery = v.InferOutput<typeof ListCompetitorsQuery>;

const entries = {
  name: name("name"),
  website: v.optional(
    v.nullable(v.pipe(v.string("website must be a string"), v.url("website must be a URL"), v.maxLength(2000))),
  ),
  description: v.optional(text("description")),
  positioning: v.optional(text("positioning")),
  strengths: v.optional(labels("strengths", 50)),
  weaknesses: v.optional(labels("weaknesses", 50)),
  threat_level: v.optional(oneOf(THREAT_LEVELS, "threat_level")),
  status: v.optional(oneOf(STATUSES, "status")),
};

/** `POST /intelligence/competitors`. */
export const CreateCompetitorBody = strictBody(entries);
/** `PATCH /intelligence/competitors/:competitorId`: any subset of the create fields, at least one. */
export const UpdateCompetitorBody = v.pipe(v.partial(strictBody(entries)), notEmpty());

/** A competitor as the API returns it. */
export type Competitor = JSONParsed<CompetitorsRow>;
/** A single Competitor answer: get, create, update. */
export type CompetitorResponse = DataResponse<Competitor>;
/** One page of the list. */
export type CompetitorListResponse = ListResponse<Competitor>;
