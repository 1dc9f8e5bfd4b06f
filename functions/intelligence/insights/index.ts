import { equals, oneOf } from "../../../shared/db/pagination.ts";
import { recordRoutes } from "../routes.ts";
import { searchCondition } from "../search.ts";
import { customerInsights } from "./kind.ts";
import {
  CreateInsightBody,
  type CustomerInsightRecord,
  ListInsightsQuery,
  SEARCHED,
  UpdateInsightBody,
} from "./schemas.ts";

export type { CustomerInsight, CustomerInsightListResponse, CustomerInsightResponse } from "./schemas.ts";

/** Customer insights: pain points, motivations, objections, tied to cohorts or campaigns. */
export const insightsApp = recordRoutes<CustomerInsightRecord, ListInsightsQuery>({
  kind: customerInsights,
  segment: "insights",
  param: "insightId",
  query: ListInsightsQuery,
  create: CreateInsightBody,
  update: UpdateInsightBody,
  filters: (tx, query) => [
    searchCondition(tx, SEARCHED, query.q),
    oneOf(tx, "insight_type", query.insight_type),
    equals(tx, "cohort_id", query.cohort_id),
    equals(tx, "campaign_id", query.campaign_id),
  ],
  docs: {
    type: "CustomerInsight",
    list: "Search customer insights (q over title and insight), filtered by type, cohort, campaign",
    create: "Record a customer insight",
    get: "Get one customer insight",
    update: "Change a customer insight",
    delete: "Delete a customer insight",
    writeErrors: { 422: { description: "cohort_id or campaign_id names no record of this workspace" } },
  },
});
