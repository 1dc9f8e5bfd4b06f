import {
  APICallError,
  InvalidArgumentError,
  InvalidPromptError,
  LoadAPIKeyError,
  NoSuchModelError,
  UnsupportedFunctionalityError,
} from "ai";
import type { TokenUsage } from "./pricing.ts";
import type { ModelTier, ProviderName } from "./tiers.ts";

/** Why the router left a candidate. */
export type SwitchReason = "circuit_open" | "transient_failure" | "permanent_failure";

/** One candidate the router gave up on, and why. */
export interface CandidateFailure {
  provider: ProviderName;
  model: string;
  tier: ModelTier;
  reason: SwitchReason;
  message: string;
  statusCode?: number;
}

/** What a failed request still consumed: providers bill invalid answers, so budgets must see them. */
export interface Spend extends TokenUsage {
  costUsd: number;
  attempts: number;
}

const NOTHING_SPENT: Spend = { inputTokens: 0, outputTokens: 0, costUsd: 0, attempts: 0 };

/** Every candidate of the tier and its fallbacks was open or failed. */
export class ModelUnavailableError extends Error {
  readonly code = "MODEL_UNAVAILABLE";
  readonly tier: ModelTier;
  readonly failures: CandidateFailure[];
  readonly spent: Spend;
  constructor(tier: ModelTier, failures: CandidateFailure[], spent: Spend = NOTHING_SPENT) {
    const summary = failures.map((f) => `${f.provider}:${f.model} ${f.reason}`).join(", ") || "no candidates";
    super(`No model available for tier ${tier} (${summary})`);
    this.name = "ModelUnavailableError";
    this.tier = tier;
    this.failures = failures;
    this.spent = spent;
  }
}

/** The model's output still broke the schema after one repair round. */
export class StructuredOutputError extends Error {
  readonly code = "INVALID_MODEL_OUTPUT";
  readonly provider: ProviderName;
  readonly model: string;
  readonly issues: string[];
  readonly text: string | undefined;
  /** Set by the router to everything the request consumed, fallbacks included, before it rethrows. */
  spent: Spend = NOTHING_SPENT;
  constructor(provider: ProviderName, model: string, issues: string[], text: string | undefined) {
    super(`${provider}:${model} returned output that does not match the schema: ${issues.slice(0, 3).join("; ")}`);
    this.name = "StructuredOutputError";
    this.provider = provider;
    this.model = model;
    this.issues = issues;
    this.text = text;
  }
}

/** Cancellation is the caller's decision: never retried, never counted against a provider. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

// SDK errors that say the request or the setup is wrong: retrying the same call cannot help.
const PERMANENT_SDK_ERRORS = [
  InvalidArgumentError,
  InvalidPromptError,
  LoadAPIKeyError,
  NoSuchModelError,
  UnsupportedFunctionalityError,
];

/** Transient errors (429, 5xx, network) are worth retrying; permanent ones (other 4xx, bad setup) are not. */
export function isTransient(error: unknown): boolean {
  if (APICallError.isInstance(error)) return error.isRetryable;
  if (PERMANENT_SDK_ERRORS.some((type) => type.isInstance(error))) return false;
  // Anything else thrown by a call (fetch failures, resets) is the network: transient.
  return true;
}

/** Whether a failure says the provider is unhealthy (so it counts toward its breaker) rather than the request. */
export function countsAgainstProvider(error: unknown): boolean {
  if (isTransient(error)) return true;
  const status = APICallError.isInstance(error) ? error.statusCode : undefined;
  // A rejected key or a missing model makes the provider unusable for every request, not just this one.
  return status === 401 || status === 403 || status === 404 || LoadAPIKeyError.isInstance(error);
}

/** The provider's own Retry-After, in ms, when it sent one. */
export function retryAfterMs(error: unknown): number | undefined {
  if (!APICallError.isInstance(error)) return undefined;
  const headers = error.responseHeaders ?? {};
  const ms = Number(headers["retry-after-ms"]);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = Number(headers["retry-after"]);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** HTTP status of a provider error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  return APICallError.isInstance(error) ? error.statusCode : undefined;
}
