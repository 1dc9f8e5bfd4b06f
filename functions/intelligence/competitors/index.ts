import { oneOf } from "../../../shared/db/pagination.ts";
import type { CompetitorsRow } from "../../../shared/db/rows.generated.ts";
import { recordRoutes } from "../routes.ts";
import { searchCondition } from "../search.ts";
import { competitors } from "./kind.ts";
import { CreateCompetitorBody, ListCompetitorsQuery, SEARCHED, UpdateCompetitorBody } from "./schemas.ts";

export type { Competitor, CompetitorListResponse, CompetitorResponse } from "./schemas.ts";

/** Competitors the workspace tracks, with positioning, strengths, weaknesses and threat level. */
export const competitorsApp = recordRoutes<CompetitorsRow, ListCompetitorsQuery>({
  kind: competitors,
  segment: "competitors",
  param: "competitorId",
  query: ListCompetitorsQuery,
  create: CreateCompetitorBody,
  update: UpdateCompetitorBody,
  filters: (tx, query) => [
    searchCondition(tx, SEARCHED, query.q),
    oneOf(tx, "threat_level", query.threat_level),
    oneOf(tx, "status", query.status),
  ],
  docs: {
    type: "Competitor",
    list: "Search competitors (q over name, description, positioning), filtered by threat level and status",
    create: "Track a competitor",
    get: "Get one competitor",
    update: "Change a competitor",
    delete: "Stop tracking a competitor (its intelligence keeps, unlinked)",
    writeErrors: { 409: { description: "The workspace already tracks a competitor of this name" } },
  },
});
