import { createClient } from "@supabase/supabase-js";
import type { Config } from "../../../shared/config/config.ts";
import { ApiError } from "../../../shared/http/api-error.ts";

/** What an invitation email carries. */
export interface InvitationMessage {
  email: string;
  workspaceId: string;
  invitationId: string;
  role: string;
  /** The secret the invitee redeems; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/** How an invitation reached the invitee: Supabase Auth sent an email, or it was only recorded. */
export type InvitationDelivery = "email" | "recorded";

/** Sends invitations; the routes never know which implementation they hold. */
export interface InvitationMailer {
  deliver(message: InvitationMessage): Promise<InvitationDelivery>;
}

/** Local and test runs: the invitation row is the whole invitation, nothing leaves the machine. */
export const recordOnlyMailer: InvitationMailer = {
  deliver: async () => "recorded",
};

export interface SupabaseMailerOptions {
  supabaseUrl: string;
  serviceRoleKey: string;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * Supabase Auth's admin `inviteUserByEmail`: Auth creates the user and emails a sign-up link.
 * The invitation's id, role and token ride in the user's metadata so the web app can redeem the
 * invitation once the invitee has signed in. Someone who already has an account gets no email
 * from Auth (it refuses existing addresses); the recorded invitation is then what they accept.
 */
export function supabaseInvitationMailer(options: SupabaseMailerOptions): InvitationMailer {
  const client = createClient(options.supabaseUrl, options.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: options.fetch ? { fetch: options.fetch } : {},
  });
  return {
    async deliver(message) {
      const { error } = await client.auth.admin.inviteUserByEmail(message.email, {
        data: {
          workspace_id: message.workspaceId,
          invitation_id: message.invitationId,
          invitation_token: message.token,
          role: message.role,
        },
      });
      if (!error) return "email";
      if (error.code === "email_exists") return "recorded";
      throw new ApiError(
        502,
        "INVITATION_DELIVERY_FAILED",
        `Supabase Auth could not send the invitation: ${error.message}`,
      );
    },
  };
}

// Supabase service role keys are JWTs (legacy) or `sb_secret_…` (current); the local default is neither.
const SERVICE_KEY = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+|sb_secret_[\w-]{16,})$/;

/** The mailer for this deployment: Supabase Auth with a real service key outside local and test runs. */
export function invitationMailer(config: Config): InvitationMailer {
  const key = config.SUPABASE_SERVICE_ROLE_KEY;
  const deployed = config.ENVIRONMENT !== "local" && config.ENVIRONMENT !== "test";
  if (!deployed || !key || !SERVICE_KEY.test(key)) return recordOnlyMailer;
  return supabaseInvitationMailer({ supabaseUrl: config.SUPABASE_URL, serviceRoleKey: key });
}
