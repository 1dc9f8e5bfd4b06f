import type { Sql } from "../../../../shared/db/database.ts";
import { createWorkspace } from "../../../helpers/api.ts";
import { USERS } from "../../../helpers/db.ts";

/** The Seer's routes in a workspace. */
export const seer = (workspaceId: string, path: string) => `/api/workspaces/${workspaceId}/lords/seer${path}`;

/** A workspace of the test file's own: alice admin, oliver lord_operator, ana analyst, victor viewer. */
export function seerWorkspace(sql: Sql): Promise<string> {
  return createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.oliver, "lord_operator"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
}

/** Removes a test workspace and everything in it. */
export async function dropWorkspace(sql: Sql, workspaceId: string): Promise<void> {
  await sql`delete from public.workspaces where id = ${workspaceId}`;
}

/** The seeded research guild's id. */
export async function researchGuild(sql: Sql): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from public.guilds where slug = 'research'`;
  return row!.id;
}

/** A campaign of the workspace; returns its id. */
export async function addCampaign(sql: Sql, workspaceId: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into public.campaigns (workspace_id, name, objective_type, created_by, owner_id)
    values (${workspaceId}, 'Seer fixture', 'conversion', ${USERS.alice.id}, ${USERS.alice.id}) returning id`;
  return row!.id;
}
