import {
  type ChannelAdapter,
  type DeliveryReceipt,
  type Fetcher,
  networkError,
  type OutboundMessage,
  responseError,
} from "./types.ts";

const RESEND_EMAILS_URL = "https://api.resend.com/emails";

/**
 * Email through Resend's REST API. The notification id is the idempotency key, so a QStash
 * retry after a lost response never sends the same email twice (Resend keeps keys 24 hours).
 */
export function resendAdapter(options: { apiKey: string; from: string; fetch: Fetcher }): ChannelAdapter {
  const provider = "resend";
  return {
    provider,
    async send(message: OutboundMessage): Promise<DeliveryReceipt> {
      let response: Response;
      try {
        response = await options.fetch(RESEND_EMAILS_URL, {
          method: "POST",
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            "content-type": "application/json",
            "idempotency-key": `herald/${message.notificationId}`,
          },
          body: JSON.stringify({
            from: options.from,
            to: [message.to],
            subject: message.subject ?? "",
            html: message.body,
          }),
        });
      } catch (err) {
        throw networkError(provider, err);
      }
      if (!response.ok) throw await responseError(provider, response);
      const body = (await response.json().catch(() => ({}))) as { id?: unknown };
      return { provider, providerMessageId: typeof body.id === "string" ? body.id : null };
    },
  };
}
