import * as v from "valibot";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { type IntelligenceRecord, intelligenceColumns } from "./intelligence-records.ts";
import { Uuid } from "./schemas.ts";

/** `GET /lords/seer/intelligence/:id`. */
export const GetIntelligenceInput = v.object({ id: Uuid });

/** One intelligence record with the attributes its scores came from; another workspace's is not found. */
export const getIntelligence = defineCapability({
  name: "get_intelligence",
  description: "Reads one market intelligence record",
  input: GetIntelligenceInput,
  mutates: false,
  async handler(input, ctx): Promise<IntelligenceRecord> {
    const [row] = await ctx.transaction(
      (tx) => tx<IntelligenceRecord[]>`
        select ${intelligenceColumns(tx)} from public.market_intelligence m
        where m.workspace_id = ${ctx.workspaceId} and m.id = ${input.id}`,
    );
    if (!row) throw ApiError.notFound("Intelligence not found", "INTELLIGENCE_NOT_FOUND");
    return row;
  },
});
