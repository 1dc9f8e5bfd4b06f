import type { LanguageModelV3 } from "@ai-sdk/provider";
import type * as v from "valibot";
import { callCandidate, type RetryPolicy, type StructuredPrompt } from "./candidate-call.ts";
import type { CircuitBreaker } from "./circuit-breaker.ts";
import type { AnySchema } from "./json-schema.ts";
import {
  type CandidateFailure,
  isAbort,
  isTransient,
  ModelUnavailableError,
  StructuredOutputError,
  type SwitchReason,
  statusOf,
} from "./model-errors.ts";
import { costAt, DEFAULT_PRICES, type PriceTable, priceOf, type TokenUsage } from "./pricing.ts";
import {
  cheaperTiers,
  type ModelCandidate,
  type ModelTier,
  modelKey,
  type ProviderName,
  type TierRouting,
} from "./tiers.ts";

/** A request for a schema-valid object from a tier. */
export interface GenerateStructuredRequest<S extends AnySchema> extends StructuredPrompt<S> {
  tier: ModelTier;
  /** Fall back to cheaper tiers when every candidate of `tier` fails (default true). */
  allowDowngrade?: boolean;
}

/** A candidate together with the tier it was picked for. */
export interface TieredCandidate extends ModelCandidate {
  tier: ModelTier;
}

/** The router left one candidate for the next: the caller logs it and emits an `agent_switch` event. */
export interface ModelSwitchEvent {
  from: TieredCandidate;
  to: TieredCandidate;
  reason: SwitchReason;
  message: string;
  /** The new candidate belongs to a cheaper tier than the one requested. */
  tierDowngrade: boolean;
}

/** What the router needs: routing, model construction, breakers, and injectable time for tests. */
export interface ModelRouterDeps {
  routing: TierRouting;
  resolveModel: (candidate: ModelCandidate) => LanguageModelV3 | Promise<LanguageModelV3>;
  breaker: CircuitBreaker;
  onSwitch?: (event: ModelSwitchEvent) => void | Promise<void>;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  prices?: PriceTable;
}

/** The object and an account of how it was obtained. */
export interface StructuredResult<T> {
  object: T;
  /** Tokens of every call made, failed and repair calls included. */
  usage: TokenUsage;
  /** Cost of every call made, each at its own model's price. */
  costUsd: number;
  provider: ProviderName;
  model: string;
  tier: ModelTier;
  /** Model calls made in total. */
  attempts: number;
  latencyMs: number;
  switches: ModelSwitchEvent[];
}

/** Three calls per candidate, 250 ms then 500 ms apart, never more than 4 s. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4_000 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Generates an object valid against `schema` from the request's tier: candidates in fallback order, providers
 * with an open breaker skipped, transient failures retried, then the next provider of the tier, then cheaper
 * tiers. Throws ModelUnavailableError when nothing answered and StructuredOutputError when output stayed invalid.
 */
export async function generateStructured<S extends AnySchema>(
  request: GenerateStructuredRequest<S>,
  deps: ModelRouterDeps,
): Promise<StructuredResult<v.InferOutput<S>>> {
  const now = deps.now ?? Date.now;
  const started = now();
  const retry = { ...DEFAULT_RETRY, ...deps.retry };
  const prices = deps.prices ?? DEFAULT_PRICES;
  const ledger = { inputTokens: 0, outputTokens: 0, costUsd: 0, attempts: 0 };
  const failures: CandidateFailure[] = [];
  const switches: ModelSwitchEvent[] = [];
  let left: { from: TieredCandidate; reason: SwitchReason; message: string } | undefined;

  for (const candidate of candidatesFor(request.tier, request.allowDowngrade ?? true, deps.routing)) {
    if (left) {
      const event = { ...left, to: candidate, tierDowngrade: candidate.tier !== request.tier };
      switches.push(event);
      await deps.onSwitch?.(event);
    }
    // Unpriced models fail before any call: spending that no budget can see is worse than not answering.
    const price = priceOf(candidate, prices);
    const fail = (reason: SwitchReason, message: string, statusCode?: number) => {
      failures.push({ ...candidate, reason, message, ...(statusCode === undefined ? {} : { statusCode }) });
      left = { from: candidate, reason, message };
    };

    const ticket = await deps.breaker.acquire(candidate.provider);
    if (!ticket.allowed) {
      fail("circuit_open", `circuit ${ticket.state} for ${candidate.provider}, retry in ${ticket.retryAfterMs} ms`);
      continue;
    }
    let model: LanguageModelV3;
    try {
      model = await deps.resolveModel(candidate);
    } catch (error) {
      if (isAbort(error)) throw error;
      // A model that cannot even be constructed (missing package, rejected key) fails every request alike.
      await deps.breaker.recordFailure(candidate.provider, ticket);
      fail("permanent_failure", `cannot construct ${modelKey(candidate)}: ${messageOf(error)}`);
      continue;
    }
    const call = callCandidate({
      candidate,
      model,
      ticket,
      breaker: deps.breaker,
      request,
      retry,
      sleep: deps.sleep ?? realSleep,
      onCall: (usage) => {
        ledger.attempts++;
        ledger.inputTokens += usage.inputTokens;
        ledger.outputTokens += usage.outputTokens;
        ledger.costUsd += costAt(price, usage);
      },
    });
    const outcome = await call.catch((error: unknown) => {
      if (error instanceof StructuredOutputError) error.spent = { ...ledger };
      throw error;
    });
    if (outcome.ok) {
      return {
        object: outcome.object,
        usage: { inputTokens: ledger.inputTokens, outputTokens: ledger.outputTokens },
        costUsd: ledger.costUsd,
        provider: candidate.provider,
        model: candidate.model,
        tier: candidate.tier,
        attempts: ledger.attempts,
        latencyMs: now() - started,
        switches,
      };
    }
    const { error } = outcome;
    fail(isTransient(error) ? "transient_failure" : "permanent_failure", messageOf(error), statusOf(error));
  }
  throw new ModelUnavailableError(request.tier, failures, { ...ledger });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The requested tier's candidates, then (if allowed) each cheaper tier's, each model once. */
export function candidatesFor(tier: ModelTier, allowDowngrade: boolean, routing: TierRouting): TieredCandidate[] {
  const tiers = [tier, ...(allowDowngrade ? cheaperTiers(tier) : [])];
  const seen = new Set<string>();
  const out: TieredCandidate[] = [];
  for (const t of tiers) {
    for (const candidate of routing[t]) {
      const key = modelKey(candidate);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...candidate, tier: t });
    }
  }
  return out;
}
