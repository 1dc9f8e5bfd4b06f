import type { Tx } from "../../../shared/db/database.ts";
import type {
  Json,
  StrategicGuidanceGuidanceType,
  StrategicGuidanceStatus,
} from "../../../shared/db/rows.generated.ts";
import { ApiError } from "../../../shared/http/api-error.ts";

/** A guild as guidance needs it (reference data). */
export interface GuildRef {
  id: string;
  slug: string;
  name: string;
  description: string;
  overseeing_lord: string | null;
}

/** A guidance or strategy-review row as the API returns it. */
export interface GuidanceView {
  id: string;
  workspace_id: string;
  guild: string;
  guidance_type: StrategicGuidanceGuidanceType;
  title: string;
  guidance: string;
  recommendations: Json;
  alignment_score: number | null;
  status: StrategicGuidanceStatus;
  initiative_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A new guidance row. */
export interface NewGuidance {
  guild: GuildRef;
  guidance_type: StrategicGuidanceGuidanceType;
  title: string;
  guidance: string;
  recommendations: unknown;
  alignment_score: number | null;
  initiative_id: string | null;
}

/** The guild with this slug; every slug the input schema accepts is seeded, so a miss is a 404. */
export async function loadGuild(tx: Tx, slug: string): Promise<GuildRef> {
  const [guild] = await tx<GuildRef[]>`
    select id, slug, name, description, overseeing_lord from public.guilds where slug = ${slug}`;
  if (!guild) throw ApiError.notFound(`Guild ${slug} not found`, "GUILD_NOT_FOUND");
  return guild;
}

/** The guidance columns with the guild's slug, for `select ${guidanceColumns(tx)} from public.strategic_guidance g join public.guilds gu …`. */
export function guidanceColumns(tx: Tx) {
  return tx`g.id, g.workspace_id, gu.slug as guild, g.guidance_type, g.title, g.guidance, g.recommendations,
            g.alignment_score::float8 as alignment_score, g.status, g.initiative_id, g.created_by, g.created_at,
            g.updated_at`;
}

/**
 * Stores guidance as the guild's active one of its type, superseding the active one before it
 * (one current piece of guidance, and one current review, per guild). Returns the new row and
 * the ids it superseded.
 */
export async function replaceGuidance(
  tx: Tx,
  workspaceId: string,
  actorId: string,
  row: NewGuidance,
): Promise<{ guidance: GuidanceView; superseded: string[] }> {
  const superseded = await tx<{ id: string }[]>`
    update public.strategic_guidance set status = 'superseded'
    where workspace_id = ${workspaceId} and guild_id = ${row.guild.id} and guidance_type = ${row.guidance_type}
      and status = 'active'
    returning id`;
  const [inserted] = await tx<{ id: string }[]>`
    insert into public.strategic_guidance (workspace_id, guild_id, guidance_type, title, guidance, recommendations,
                                           alignment_score, initiative_id, created_by)
    values (${workspaceId}, ${row.guild.id}, ${row.guidance_type}, ${row.title.slice(0, 300)}, ${row.guidance},
            ${tx.json(row.recommendations as Parameters<Tx["json"]>[0])}, ${row.alignment_score},
            ${row.initiative_id}, ${actorId})
    returning id`;
  if (!inserted) throw new Error("strategic guidance insert returned no row");
  const [guidance] = await tx<GuidanceView[]>`
    select ${guidanceColumns(tx)} from public.strategic_guidance g join public.guilds gu on gu.id = g.guild_id
    where g.workspace_id = ${workspaceId} and g.id = ${inserted.id}`;
  if (!guidance) throw new Error("inserted guidance is not visible");
  return { guidance, superseded: superseded.map((s) => s.id) };
}
