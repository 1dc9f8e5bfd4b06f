import { equals, oneOf } from "../../../shared/db/pagination.ts";
import { recordRoutes } from "../routes.ts";
import { searchCondition } from "../search.ts";
import { marketIntelligence } from "./kind.ts";
import {
  CreateMarketIntelligenceBody,
  ListMarketIntelligenceQuery,
  type MarketIntelligenceRecord,
  SEARCHED,
  UpdateMarketIntelligenceBody,
} from "./schemas.ts";

export type { MarketIntelligence, MarketIntelligenceListResponse, MarketIntelligenceResponse } from "./schemas.ts";

/** Market intelligence: gathered signals with impact and relevance scores. */
export const marketApp = recordRoutes<MarketIntelligenceRecord, ListMarketIntelligenceQuery>({
  kind: marketIntelligence,
  segment: "market",
  param: "intelligenceId",
  query: ListMarketIntelligenceQuery,
  create: CreateMarketIntelligenceBody,
  update: UpdateMarketIntelligenceBody,
  filters: (tx, query) => [
    searchCondition(tx, SEARCHED, query.q),
    oneOf(tx, "intelligence_type", query.intelligence_type),
    oneOf(tx, "threat_level", query.threat_level),
    equals(tx, "competitor_id", query.competitor_id),
    equals(tx, "campaign_id", query.campaign_id),
  ],
  docs: {
    type: "MarketIntelligence",
    list: "Search market intelligence (q over title and summary), filtered by type, threat, competitor, campaign",
    create: "Record market intelligence",
    get: "Get one market intelligence record",
    update: "Change a market intelligence record",
    delete: "Delete a market intelligence record",
    writeErrors: { 422: { description: "competitor_id or campaign_id names no record of this workspace" } },
  },
});
