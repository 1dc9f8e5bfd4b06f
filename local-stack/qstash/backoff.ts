import { compileRetryDelay } from "./retry-delay.ts";

const maxDelaySeconds = 86_400;

/**
 * QStash's default backoff: `min(86400, e^(2.5·n))` seconds, where n counts retries so far
 * (1 before the first retry: ~12 s, then ~2.5 min, ~30 min, ~6 h, then a day).
 */
export function defaultRetryDelayMs(retryNumber: number): number {
  return Math.min(maxDelaySeconds, Math.exp(2.5 * retryNumber)) * 1_000;
}

/**
 * Delay before retry number `retryNumber` (1-based), honouring `Upstash-Retry-Delay` (whose
 * `retried` variable is 0-based), multiplied by `scale` so tests need not wait real minutes.
 */
export function retryDelayMs(retryNumber: number, scale: number, expression?: string): number {
  const base = expression ? compileRetryDelay(expression)(retryNumber - 1) : defaultRetryDelayMs(retryNumber);
  return Number.isFinite(base) ? Math.max(0, base) * scale : 0;
}
