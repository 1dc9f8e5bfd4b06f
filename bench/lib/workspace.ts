import type postgres from "postgres";
import type { Role } from "../../shared/auth/permissions.ts";
import { signLocalToken } from "../../shared/auth/sign-token.ts";
import type { HostedWorker } from "./host.ts";

/** The seeded organisation bench workspaces belong to (acme). */
const ACME = "0a000000-0000-4000-8000-000000000001";

/** A member of a bench workspace, with a signed access token. */
export interface BenchMember {
  userId: string;
  token: string;
  /** `Bearer <token>`, ready for the Authorization header. */
  authorization: string;
}

/** A fresh workspace created for one benchmark. */
export interface BenchWorkspace {
  id: string;
  members: BenchMember[];
}

export interface BenchWorkspaceOptions {
  /** Shows up in the workspace's name and slug. */
  label: string;
  /** Fresh users to create and add (each has its own per-user rate limit). */
  members: number;
  role: Role;
}

/**
 * Creates an enterprise-plan workspace (so the run stays far below its rate limits) with fresh
 * users of one role, directly in the stack's database, and signs each user a token.
 */
export async function createBenchWorkspace(
  sql: postgres.Sql,
  stack: NonNullable<HostedWorker["stack"]>,
  options: BenchWorkspaceOptions,
): Promise<BenchWorkspace> {
  const id = crypto.randomUUID();
  const users = Array.from({ length: options.members }, () => crypto.randomUUID());
  await sql.begin(async (tx) => {
    await tx`
      insert into public.workspaces (id, organization_id, name, slug, plan)
      values (${id}, ${ACME}, ${`bench ${options.label}`}, ${`bench-${options.label}-${id.slice(0, 8)}`}, 'enterprise')`;
    for (const userId of users) {
      await tx`
        insert into auth.users (instance_id, id, aud, role, email, encrypted_password, created_at, updated_at)
        values ('00000000-0000-0000-0000-000000000000', ${userId}, 'authenticated', 'authenticated',
                ${emailOf(userId)}, '', now(), now())`;
      await tx`insert into public.workspace_members (workspace_id, user_id, role) values (${id}, ${userId}, ${options.role})`;
    }
  });
  const members = await Promise.all(
    users.map(async (userId) => {
      const token = await signLocalToken({
        userId,
        email: emailOf(userId),
        supabaseUrl: stack.bindings.SUPABASE_URL ?? "http://127.0.0.1:54321",
        jwtSecret: stack.bindings.SUPABASE_JWT_SECRET as string,
        expiresInSeconds: 3600,
      });
      return { userId, token, authorization: `Bearer ${token}` };
    }),
  );
  return { id, members };
}

function emailOf(userId: string): string {
  return `bench-${userId.slice(0, 8)}@bench.test`;
}
