import * as v from "valibot";
import { ConfigError } from "../config/config.ts";

// Herald's provider secrets are optional: a channel whose key is unset is delivered to the
// local outbox in local and test runs, and refused (as a permanent failure) anywhere else.
// Secrets set to an empty string (a blank line in .dev.vars) count as unset.
const optional = (schema: v.GenericSchema<string, string>) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.union([v.literal(""), schema]),
      v.transform((text: string): string | undefined => (text === "" ? undefined : text)),
    ),
  );

const HeraldConfigSchema = v.pipe(
  v.object({
    ENVIRONMENT: v.optional(v.picklist(["local", "test", "staging", "production"]), "local"),
    /** Resend API key (https://resend.com): email is sent through Resend when set. */
    RESEND_API_KEY: optional(v.pipe(v.string(), v.startsWith("re_", "RESEND_API_KEY must start with re_"))),
    /** The sender of Herald email, a Resend-verified address: `Name <herald@example.com>`. */
    HERALD_EMAIL_FROM: optional(v.pipe(v.string(), v.regex(/@/, "HERALD_EMAIL_FROM must contain an address"))),
    /** A Slack incoming-webhook URL: Slack notifications are posted there when set. */
    SLACK_WEBHOOK_URL: optional(
      v.pipe(
        v.string(),
        v.url("SLACK_WEBHOOK_URL must be a URL"),
        v.startsWith("https://", "SLACK_WEBHOOK_URL must be https"),
      ),
    ),
    /** Twilio account (https://twilio.com): SMS is sent through Twilio when all three are set. */
    TWILIO_ACCOUNT_SID: optional(
      v.pipe(v.string(), v.regex(/^AC[0-9a-fA-F]{32}$/, "TWILIO_ACCOUNT_SID must be AC + 32 hex digits")),
    ),
    TWILIO_AUTH_TOKEN: optional(
      v.pipe(v.string(), v.minLength(16, "TWILIO_AUTH_TOKEN must be at least 16 characters")),
    ),
    TWILIO_FROM_NUMBER: optional(
      v.pipe(v.string(), v.regex(/^\+[1-9]\d{6,14}$/, "TWILIO_FROM_NUMBER must be E.164 (+15551234567)")),
    ),
  }),
  v.check(
    (config) => !config.RESEND_API_KEY || config.HERALD_EMAIL_FROM !== undefined,
    "HERALD_EMAIL_FROM is required when RESEND_API_KEY is set",
  ),
  v.check((config) => {
    const twilio = [config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, config.TWILIO_FROM_NUMBER];
    return twilio.every((value) => value === undefined) || twilio.every((value) => value !== undefined);
  }, "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER must be set together"),
);

/** Herald's validated provider settings. */
export type HeraldConfig = v.InferOutput<typeof HeraldConfigSchema>;

const cache = new WeakMap<object, HeraldConfig>();

/** Validates the Herald's provider secrets once per env object; a bad one throws a ConfigError naming it. */
export function heraldConfig(env: object): HeraldConfig {
  const cached = cache.get(env);
  if (cached) return cached;
  const result = v.safeParse(HeraldConfigSchema, env);
  if (!result.success) {
    throw new ConfigError(
      result.issues.map((issue) => {
        const key = v.getDotPath(issue);
        return key && !issue.message.includes(key) ? `${key}: ${issue.message}` : issue.message;
      }),
    );
  }
  cache.set(env, result.output);
  return result.output;
}

/** True where an unconfigured channel may fall back to the local outbox. */
export function usesLocalOutbox(config: Pick<HeraldConfig, "ENVIRONMENT">): boolean {
  return config.ENVIRONMENT === "local" || config.ENVIRONMENT === "test";
}
