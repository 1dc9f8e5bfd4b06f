import { parseArgs } from "node:util";
import postgres from "postgres";
import { signLocalToken } from "../shared/auth/sign-token.ts";
import { localDatabase, localSecrets } from "./defaults.ts";
import { withDatabase } from "./postgres/database.ts";

/**
 * `npm run token -- --email alice@acme.test [--workspace acme-growth] [--expires 3600]`
 * prints an access token for a seeded user, signed with the local JWT secret, so the API can be
 * called with curl. With --workspace it also checks membership and prints the workspace id.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      workspace: { type: "string" },
      expires: { type: "string", default: "3600" },
      database: {
        type: "string",
        default: process.env.LOCAL_DATABASE_URL ?? withDatabase(localDatabase.server, localDatabase.devName),
      },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.email) throw new Error("--email is required, e.g. --email alice@acme.test");
  const sql = postgres(values.database, { max: 1, onnotice: () => {} });
  try {
    const [user] = await sql<
      { id: string; email: string }[]
    >`select id, email from auth.users where email = ${values.email}`;
    if (!user) throw new Error(`No seeded user with email ${values.email}`);
    let workspace: { id: string; slug: string; role: string } | undefined;
    if (values.workspace) {
      [workspace] = await sql<{ id: string; slug: string; role: string }[]>`
        select w.id, w.slug, m.role from public.workspaces w
        join public.workspace_members m on m.workspace_id = w.id and m.user_id = ${user.id}
        where w.slug = ${values.workspace} or w.id::text = ${values.workspace}`;
      if (!workspace) throw new Error(`${values.email} is not a member of workspace ${values.workspace}`);
    }
    const token = await signLocalToken({
      userId: user.id,
      email: user.email,
      supabaseUrl: process.env.SUPABASE_URL ?? "http://127.0.0.1:54321",
      jwtSecret: process.env.SUPABASE_JWT_SECRET ?? localSecrets.SUPABASE_JWT_SECRET,
      expiresInSeconds: Number(values.expires),
    });
    if (values.json) {
      console.log(JSON.stringify({ token, user_id: user.id, workspace_id: workspace?.id, role: workspace?.role }));
    } else if (workspace) {
      console.error(`# ${values.email} is ${workspace.role} of ${workspace.slug} (${workspace.id})`);
      console.log(token);
    } else {
      console.log(token);
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
