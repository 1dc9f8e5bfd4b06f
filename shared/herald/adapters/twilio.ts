import {
  type ChannelAdapter,
  type DeliveryReceipt,
  type Fetcher,
  networkError,
  type OutboundMessage,
  responseError,
} from "./types.ts";

/** SMS through Twilio's Messages API (form-encoded, HTTP basic auth with the account SID and token). */
export function twilioAdapter(options: {
  accountSid: string;
  authToken: string;
  from: string;
  fetch: Fetcher;
}): ChannelAdapter {
  const provider = "twilio";
  const url = `https://api.twilio.com/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
  const authorization = `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`;
  return {
    provider,
    async send(message: OutboundMessage): Promise<DeliveryReceipt> {
      let response: Response;
      try {
        response = await options.fetch(url, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ To: message.to, From: options.from, Body: message.body }).toString(),
        });
      } catch (err) {
        throw networkError(provider, err);
      }
      if (!response.ok) throw await responseError(provider, response);
      const body = (await response.json().catch(() => ({}))) as { sid?: unknown };
      return { provider, providerMessageId: typeof body.sid === "string" ? body.sid : null };
    },
  };
}
