import type { Sql } from "../../../../shared/db/database.ts";
import type { EventType, LordName } from "../../../../shared/events/catalogue.ts";
import { type ApiCall, call, createWorkspace } from "../../../helpers/api.ts";
import { type SeedUser, USERS } from "../../../helpers/db.ts";

/** alice admin, oliver lord_operator, ana analyst, victor viewer: the seed's acme-growth roles. */
export const MEMBERS = [
  [USERS.alice, "admin"],
  [USERS.oliver, "lord_operator"],
  [USERS.ana, "analyst"],
  [USERS.victor, "viewer"],
] as const;

/** A workspace of one test file's own (so counts and pools are exact), with the usual members. */
export function lordWorkspace(sql: Sql, name: string): Promise<string> {
  return createWorkspace(sql, { members: MEMBERS, name });
}

/** Calls a Lord route of a workspace as `as`. */
export function lordCall<T = Record<string, unknown>>(
  as: SeedUser | null,
  workspaceId: string,
  lord: LordName,
  path: string,
  request: ApiCall = {},
) {
  return call<T>(as, `/api/workspaces/${workspaceId}/lords/${lord}${path}`, request);
}

/** Grants a guild some of a resource in a workspace (a guild_resources row with no period). */
export async function grant(
  sql: Sql,
  workspaceId: string,
  guild: string,
  resourceType: string,
  quantity: number,
  unit: string,
): Promise<void> {
  await sql`
    insert into public.guild_resources (workspace_id, guild_id, resource_type, quantity, unit)
    select ${workspaceId}, id, ${resourceType}, ${quantity}, ${unit} from public.guilds where slug = ${guild}`;
}

/** A stored event as the tests check it. */
export interface StoredEvent {
  sequence: number;
  event_type: EventType;
  lord: LordName | null;
  actor_id: string | null;
  payload: Record<string, unknown>;
}

/** The workspace's events of some types, in order. */
export async function eventsOf(sql: Sql, workspaceId: string, types: readonly EventType[]): Promise<StoredEvent[]> {
  const rows = await sql<(StoredEvent & { sequence: string })[]>`
    select e.sequence::text as sequence, e.event_type, e.lord, e.actor_id, e.payload from public.events e
    where e.workspace_id = ${workspaceId} and e.event_type in ${sql(types as EventType[])}
    order by e.sequence`;
  return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
}

/** A success envelope's data. */
export interface Success<T> {
  status: "success";
  data: T;
}
