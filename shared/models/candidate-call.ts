import type { LanguageModelV3 } from "@ai-sdk/provider";
import {
  generateText,
  jsonSchema,
  type LanguageModelUsage,
  type ModelMessage,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
  TypeValidationError,
} from "ai";
import * as v from "valibot";
import type { BreakerTicket, CircuitBreaker } from "./circuit-breaker.ts";
import { type AnySchema, jsonSchemaOf } from "./json-schema.ts";
import { countsAgainstProvider, isAbort, isTransient, retryAfterMs, StructuredOutputError } from "./model-errors.ts";
import type { TokenUsage } from "./pricing.ts";
import type { ModelCandidate } from "./tiers.ts";

/** Bounded exponential backoff for transient failures on one candidate. */
export interface RetryPolicy {
  /** Calls per candidate, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What the model is asked. */
export interface StructuredPrompt<S extends AnySchema> {
  system: string;
  prompt: string;
  schema: S;
  schemaName?: string;
  schemaDescription?: string;
  temperature?: number;
  maxOutputTokens?: number;
  abortSignal?: AbortSignal;
}

/** Everything one candidate's attempt needs. */
export interface CandidateCall<S extends AnySchema> {
  candidate: ModelCandidate;
  model: LanguageModelV3;
  ticket: BreakerTicket;
  breaker: CircuitBreaker;
  request: StructuredPrompt<S>;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  /** Called once per model call made, with the tokens it consumed (invalid answers consume them too). */
  onCall: (usage: TokenUsage) => void;
}

/** A candidate either answered, or failed in a way the next candidate might not. */
export type CandidateOutcome<T> = { ok: true; object: T } | { ok: false; error: unknown };

/**
 * Calls one candidate: retries transient failures with backoff, never retries permanent ones, and repairs
 * schema-invalid output once by re-asking with the validation errors. Throws StructuredOutputError when the
 * repair fails too: a schema the model cannot fill even when told what is wrong is a prompt or schema problem,
 * and burning every fallback model on it would only multiply the cost.
 */
export async function callCandidate<S extends AnySchema>(
  call: CandidateCall<S>,
): Promise<CandidateOutcome<v.InferOutput<S>>> {
  const { candidate, model, breaker, request, retry } = call;
  let ticket = call.ticket;
  const output = Output.object({
    schema: jsonSchema<v.InferOutput<S>>(jsonSchemaOf(request.schema), {
      validate: (value) => {
        const result = v.safeParse(request.schema, value);
        return result.success
          ? { success: true, value: result.output }
          : { success: false, error: new TypeValidationError({ value, cause: result.issues }) };
      },
    }),
    name: request.schemaName,
    description: request.schemaDescription,
  });
  // A half-open breaker admitted exactly one probe: one call, no retries.
  const maxAttempts = ticket.probe ? 1 : Math.max(1, retry.maxAttempts);
  let messages: ModelMessage[] = [{ role: "user", content: request.prompt }];
  let failures = 0;
  let repaired = false;
  let answered = false;
  const providerAnswered = async () => {
    if (answered) return;
    answered = true;
    await breaker.recordSuccess(candidate.provider, ticket);
    // The probe has spoken and closed the breaker; later calls in this attempt report as ordinary calls.
    ticket = { ...ticket, probe: false };
  };

  for (;;) {
    try {
      const result = await generateText({
        model,
        system: request.system,
        messages,
        output,
        maxRetries: 0,
        temperature: request.temperature,
        maxOutputTokens: request.maxOutputTokens,
        abortSignal: request.abortSignal,
      });
      call.onCall(tokensOf(result.totalUsage));
      await providerAnswered();
      return { ok: true, object: result.output };
    } catch (error) {
      if (NoObjectGeneratedError.isInstance(error) || NoOutputGeneratedError.isInstance(error)) {
        const text = NoObjectGeneratedError.isInstance(error) ? error.text : undefined;
        call.onCall(tokensOf(NoObjectGeneratedError.isInstance(error) ? error.usage : undefined));
        await providerAnswered();
        const issues = issuesOf(text, request.schema);
        if (repaired) throw new StructuredOutputError(candidate.provider, candidate.model, issues, text);
        repaired = true;
        messages = [messages[0] as ModelMessage, { role: "assistant", content: text ?? "" }, repairRequest(issues)];
        continue;
      }
      if (isAbort(error)) throw error;
      // A failed call still counts as an attempt; providers do not bill requests they rejected.
      call.onCall({ inputTokens: 0, outputTokens: 0 });
      failures++;
      if (countsAgainstProvider(error)) await breaker.recordFailure(candidate.provider, ticket);
      else await providerAnswered();
      const delay = backoff(failures, retry, retryAfterMs(error));
      const exhausted = !isTransient(error) || failures >= maxAttempts || delay === undefined;
      // Our own failures may just have opened the breaker: then stop hammering and let the router move on.
      if (exhausted || (await breaker.state(candidate.provider)) === "open") return { ok: false, error };
      await call.sleep(delay);
    }
  }
}

/** The delay before retry `n` (1-based), or undefined when the provider asks us to wait longer than we would. */
export function backoff(failures: number, retry: RetryPolicy, providerDelayMs: number | undefined): number | undefined {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (failures - 1));
  if (providerDelayMs === undefined) return exponential;
  return providerDelayMs > retry.maxDelayMs ? undefined : Math.max(exponential, providerDelayMs);
}

/** The schema violations of a reply, worded for the model to fix. */
export function issuesOf(text: string | undefined, schema: AnySchema): string[] {
  if (!text?.trim()) return ["The reply was empty; a JSON value is required."];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return ["The reply is not valid JSON."];
  }
  const result = v.safeParse(schema, value);
  if (result.success) return [];
  return result.issues.map((issue) => `${v.getDotPath(issue) ?? "(root)"}: ${issue.message}`);
}

function repairRequest(issues: readonly string[]): ModelMessage {
  return {
    role: "user",
    content: `Your previous reply does not match the required JSON schema:\n- ${issues.join("\n- ")}\nReply again with only the corrected JSON, keeping everything that was already valid.`,
  };
}

function tokensOf(usage: LanguageModelUsage | undefined): TokenUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}
