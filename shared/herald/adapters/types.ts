import type { NotificationChannel } from "../../domain/herald/index.ts";

/** The channels a provider delivers; in-app notifications never leave the platform. */
export type ExternalChannel = Exclude<NotificationChannel, "in_app">;

/** One rendered message on its way to one recipient's address. */
export interface OutboundMessage {
  workspaceId: string;
  notificationId: string;
  channel: ExternalChannel;
  /** The address on the channel: an email address, an E.164 number, a Slack member id or name. */
  to: string;
  subject: string | null;
  /** Rendered and escaped for the channel (HTML for email, mrkdwn for Slack, text for SMS). */
  body: string;
}

/** What a provider said when it accepted a message. */
export interface DeliveryReceipt {
  provider: string;
  /** The provider's id for the message, when it gives one. */
  providerMessageId: string | null;
}

/** Sends messages of one channel through one provider. */
export interface ChannelAdapter {
  /** The provider name recorded in communication_log (lowercase, digits, underscores). */
  readonly provider: string;
  send(message: OutboundMessage): Promise<DeliveryReceipt>;
}

/**
 * A delivery that did not happen. `permanent` failures (a bad address, a rejected payload, an
 * unconfigured channel) are recorded at once; others are retried by QStash.
 */
export class DeliveryError extends Error {
  readonly provider: string;
  readonly permanent: boolean;

  constructor(provider: string, message: string, permanent: boolean) {
    super(message);
    this.name = "DeliveryError";
    this.provider = provider;
    this.permanent = permanent;
  }
}

/** How much of a provider's error body is kept in the log. */
const MAX_ERROR_TEXT = 300;

/**
 * The DeliveryError for a provider's non-2xx answer: client errors are permanent (retrying the
 * same request cannot succeed) except 408 and 429, which like 5xx are worth retrying.
 */
export async function responseError(provider: string, response: Response): Promise<DeliveryError> {
  const text = (await response.text().catch(() => "")).slice(0, MAX_ERROR_TEXT);
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  return new DeliveryError(provider, `${provider} answered ${response.status}${text ? `: ${text}` : ""}`, !retryable);
}

/** A transport failure (DNS, TCP, TLS, timeout): always worth retrying. */
export function networkError(provider: string, err: unknown): DeliveryError {
  return new DeliveryError(
    provider,
    `${provider} could not be reached: ${err instanceof Error ? err.message : String(err)}`,
    false,
  );
}

/** The fetch adapters call; injectable so tests can stand in for a provider. */
export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;
