import { escapeSlack } from "../../domain/herald/index.ts";
import {
  type ChannelAdapter,
  type DeliveryReceipt,
  type Fetcher,
  networkError,
  type OutboundMessage,
  responseError,
} from "./types.ts";

/** A Slack member id (`U…`, or `W…` on Enterprise Grid), which mrkdwn can mention. */
const SLACK_MEMBER_ID = /^[UW][A-Z0-9]{6,}$/;

/** The mrkdwn text of a message: who it is for, the subject in bold, then the body (already escaped). */
export function slackText(message: Pick<OutboundMessage, "to" | "subject" | "body">): string {
  const mention = SLACK_MEMBER_ID.test(message.to) ? `<@${message.to}>` : escapeSlack(message.to);
  const subject = message.subject ? `*${escapeSlack(message.subject)}*\n` : "";
  return `${mention} ${subject}${message.body}`;
}

/**
 * Slack through an incoming webhook: one channel per workspace install, the recipient mentioned
 * in the text. Webhooks give no message id, so none is recorded.
 */
export function slackAdapter(options: { webhookUrl: string; fetch: Fetcher }): ChannelAdapter {
  const provider = "slack_webhook";
  return {
    provider,
    async send(message: OutboundMessage): Promise<DeliveryReceipt> {
      let response: Response;
      try {
        response = await options.fetch(options.webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: slackText(message), mrkdwn: true }),
        });
      } catch (err) {
        throw networkError(provider, err);
      }
      if (!response.ok) throw await responseError(provider, response);
      return { provider, providerMessageId: null };
    },
  };
}
