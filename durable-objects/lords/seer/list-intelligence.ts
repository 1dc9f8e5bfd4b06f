import * as v from "valibot";
import {
  and,
  CURSOR_COLUMN,
  cursorSelect,
  equals,
  keysetCondition,
  orderByClause,
  type Page,
  toPage,
} from "../../../shared/db/pagination.ts";
import { INTELLIGENCE_TYPES } from "../../../shared/domain/seer/index.ts";
import { defineCapability } from "../capability.ts";
import { type IntelligenceRecord, intelligenceColumns } from "./intelligence-records.ts";
import { listInput, toListQuery } from "./list-query.ts";
import { Uuid } from "./schemas.ts";

const ORDER = { sortable: ["created_at", "gathered_at"], defaultSort: "-gathered_at" } as const;
const THREAT_LEVELS = ["critical", "high", "medium", "low"] as const;

/** `GET /lords/seer/intelligence`: filters and page. */
export const ListIntelligenceInput = listInput(
  {
    intelligence_type: v.optional(
      v.picklist(INTELLIGENCE_TYPES, `intelligence_type must be one of ${INTELLIGENCE_TYPES.join(", ")}`),
    ),
    threat_level: v.optional(v.picklist(THREAT_LEVELS, `threat_level must be one of ${THREAT_LEVELS.join(", ")}`)),
    competitor_id: v.optional(Uuid),
    campaign_id: v.optional(Uuid),
  },
  ORDER,
);

/** Lists the workspace's market intelligence, most recently gathered first, with keyset pages. */
export const listIntelligence = defineCapability({
  name: "list_intelligence",
  description: "Lists gathered market intelligence",
  input: ListIntelligenceInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<IntelligenceRecord>> {
    const query = toListQuery(input, ORDER.defaultSort);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(IntelligenceRecord & { [CURSOR_COLUMN]: string | null })[]>`
        select ${intelligenceColumns(tx)}, ${cursorSelect(tx, query, "m")}
        from public.market_intelligence m
        where ${and(tx, [
          tx`m.workspace_id = ${ctx.workspaceId}`,
          equals(tx, "intelligence_type", input.intelligence_type, "m"),
          equals(tx, "threat_level", input.threat_level, "m"),
          equals(tx, "competitor_id", input.competitor_id, "m"),
          equals(tx, "campaign_id", input.campaign_id, "m"),
          keysetCondition(tx, query, "m"),
        ])}
        ${orderByClause(tx, query, "m")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
