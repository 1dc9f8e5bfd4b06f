import type { Tx } from "../db/database.ts";
import type { ExternalChannel } from "./adapters/types.ts";

/** How a workspace member is reached, as `private.member_contacts` returns it. */
export interface MemberContact {
  user_id: string;
  email: string | null;
  phone: string | null;
  display_name: string | null;
  slack_user_id: string | null;
}

/**
 * Contact details of those `userIds` that are members of the workspace. Reads auth.users
 * through a helper only service_role may execute: call it inside `withService`.
 */
export async function memberContacts(
  tx: Tx,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Map<string, MemberContact>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx<MemberContact[]>`
    select user_id, email, phone, display_name, slack_user_id
    from private.member_contacts(
      ${workspaceId},
      (select array_agg(id::uuid) from jsonb_array_elements_text(${tx.json([...userIds])}) as ids (id))
    )`;
  return new Map(rows.map((row) => [row.user_id, row]));
}

/** Where a message goes, and how the communication log may show that address to every member. */
export type Address = { ok: true; to: string; shown: string } | { ok: false; reason: string };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The address of a member on a channel. Supabase stores phone numbers without the leading `+`,
 * so digits alone are read as E.164. SMS numbers are masked in the log (every member reads it);
 * Slack falls back from the member id to their display name, then their email.
 */
export function addressFor(channel: ExternalChannel, contact: MemberContact): Address {
  switch (channel) {
    case "email":
      return contact.email && EMAIL.test(contact.email)
        ? { ok: true, to: contact.email, shown: contact.email }
        : { ok: false, reason: "the recipient has no valid email address" };
    case "sms": {
      const raw = (contact.phone ?? "").replace(/[\s()-]/g, "");
      const phone = /^\d+$/.test(raw) ? `+${raw}` : raw;
      return E164.test(phone)
        ? { ok: true, to: phone, shown: maskPhone(phone) }
        : { ok: false, reason: "the recipient has no phone number in E.164 form" };
    }
    case "slack": {
      const to = contact.slack_user_id ?? contact.display_name ?? contact.email;
      return to ? { ok: true, to, shown: to } : { ok: false, reason: "the recipient has no Slack identity" };
    }
  }
}

/** Keeps `+`, the first two digits and the last three of a number: `+15551234567` → `+15••••••567`. */
export function maskPhone(phone: string): string {
  const keepStart = 3;
  const keepEnd = 3;
  if (phone.length <= keepStart + keepEnd) return phone;
  return `${phone.slice(0, keepStart)}${"•".repeat(phone.length - keepStart - keepEnd)}${phone.slice(-keepEnd)}`;
}
