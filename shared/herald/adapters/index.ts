import type { Redis } from "@upstash/redis/cloudflare";
import { type HeraldConfig, usesLocalOutbox } from "../config.ts";
import { outboxAdapter } from "./outbox.ts";
import { resendAdapter } from "./resend.ts";
import { slackAdapter } from "./slack.ts";
import { twilioAdapter } from "./twilio.ts";
import { type ChannelAdapter, DeliveryError, type ExternalChannel, type Fetcher } from "./types.ts";

export { slackText } from "./slack.ts";
export {
  type ChannelAdapter,
  DeliveryError,
  type DeliveryReceipt,
  type ExternalChannel,
  type Fetcher,
  type OutboundMessage,
} from "./types.ts";

/** The secret that switches each channel to its real provider. */
const KEY_OF: Record<ExternalChannel, string> = {
  email: "RESEND_API_KEY",
  slack: "SLACK_WEBHOOK_URL",
  sms: "TWILIO_ACCOUNT_SID",
};

// Outside local and test runs a channel without its key must fail loudly, not pretend to deliver.
function unconfigured(channel: ExternalChannel): ChannelAdapter {
  const provider = "unconfigured";
  return {
    provider,
    send: async () => {
      throw new DeliveryError(provider, `The ${channel} channel is not configured: set ${KEY_OF[channel]}`, true);
    },
  };
}

/**
 * The adapter for a channel: the real provider when its secrets are set (Resend for email, a
 * Slack incoming webhook, Twilio for SMS), else the local outbox in local and test runs.
 */
export function adapterFor(
  channel: ExternalChannel,
  config: HeraldConfig,
  redis: Redis,
  fetcher: Fetcher = (input, init) => fetch(input, init),
): ChannelAdapter {
  if (channel === "email" && config.RESEND_API_KEY && config.HERALD_EMAIL_FROM) {
    return resendAdapter({ apiKey: config.RESEND_API_KEY, from: config.HERALD_EMAIL_FROM, fetch: fetcher });
  }
  if (channel === "slack" && config.SLACK_WEBHOOK_URL) {
    return slackAdapter({ webhookUrl: config.SLACK_WEBHOOK_URL, fetch: fetcher });
  }
  if (channel === "sms" && config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM_NUMBER) {
    return twilioAdapter({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      from: config.TWILIO_FROM_NUMBER,
      fetch: fetcher,
    });
  }
  return usesLocalOutbox(config) ? outboxAdapter(redis) : unconfigured(channel);
}
