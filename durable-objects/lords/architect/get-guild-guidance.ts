import * as v from "valibot";
import { oneOf } from "../../../functions/campaigns/fields.ts";
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
import { columnValues } from "../../../shared/db/rows.generated.ts";
import { defineCapability } from "../capability.ts";
import { type GuidanceView, guidanceColumns, loadGuild } from "./guidance-rows.ts";
import { guildSlug } from "./inputs.ts";
import { pageEntries, pageQuery } from "./paging.ts";

/** `GET /guidance/:guild_name`: the guild and optional filters. */
export const GetGuildGuidanceInput = v.object({
  guild_name: guildSlug("guild_name"),
  guidance_type: v.optional(oneOf(columnValues.strategic_guidance.guidance_type, "guidance_type")),
  status: v.optional(oneOf(columnValues.strategic_guidance.status, "status")),
  ...pageEntries,
});

/** A guild's guidance and strategy reviews, newest first (the active ones and their history). */
export const getGuildGuidance = defineCapability({
  name: "get_guild_guidance",
  description: "Lists a guild's strategic guidance and strategy reviews, newest first",
  input: GetGuildGuidanceInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<GuidanceView>> {
    const query = pageQuery(input);
    return ctx.transaction(async (tx) => {
      const guild = await loadGuild(tx, input.guild_name);
      const rows = await tx<(GuidanceView & { [CURSOR_COLUMN]: string | null })[]>`
        select ${guidanceColumns(tx)}, ${cursorSelect(tx, query, "g")}
        from public.strategic_guidance g join public.guilds gu on gu.id = g.guild_id
        where ${and(tx, [
          tx`g.workspace_id = ${ctx.workspaceId}`,
          tx`g.guild_id = ${guild.id}`,
          equals(tx, "guidance_type", input.guidance_type, "g"),
          equals(tx, "status", input.status, "g"),
          keysetCondition(tx, query, "g"),
        ])}
        ${orderByClause(tx, query, "g")}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
