import type {
  JSONSchema7,
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
} from "@ai-sdk/provider";
import { APICallError } from "ai";

/**
 * How a call fails: `transient` (503) and `rate-limit` (429) are retryable provider errors, `permanent` is a
 * non-retryable 400, `invalid-output` answers JSON that breaks the schema, `malformed-json` answers cut-off JSON.
 */
export type FaultKind = "transient" | "rate-limit" | "permanent" | "invalid-output" | "malformed-json";

/** `times` consecutive calls fail with `kind`; steps run in order, then calls pass through. */
export interface FaultStep {
  kind: FaultKind;
  times: number;
}

/** A model with injected faults that also counts the calls it received. */
export interface FaultyModel extends LanguageModelV3 {
  readonly calls: number;
}

/**
 * Wraps a model so its first calls fail as planned — for tests of retries, breakers, fallback and repair.
 * Nothing enables this by default: only code that calls it gets faults.
 */
export function withFaults(model: LanguageModelV3, plan: FaultStep | readonly FaultStep[]): FaultyModel {
  const steps: readonly FaultStep[] = "kind" in plan ? [plan] : plan;
  let calls = 0;
  const faultFor = (call: number): FaultKind | undefined => {
    let remaining = call;
    for (const step of steps) {
      if (remaining < step.times) return step.kind;
      remaining -= step.times;
    }
    return undefined;
  };

  const generate = async (options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> => {
    const kind = faultFor(calls++);
    if (isErrorFault(kind)) throw apiError(kind, model.modelId);
    const result = await model.doGenerate(options);
    if (!kind) return result;
    const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("");
    const schema = options.responseFormat?.type === "json" ? options.responseFormat.schema : undefined;
    const broken =
      kind === "malformed-json" ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : breakJson(text, schema);
    return { ...result, content: [{ type: "text", text: broken }] };
  };

  const stream = async (options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> => {
    // Streams replay the (possibly broken) generate result, so both paths fail the same way.
    const result = await generate(options);
    const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("");
    const parts: LanguageModelV3StreamPart[] = [
      { type: "stream-start", warnings: result.warnings },
      { type: "text-start", id: "0" },
      { type: "text-delta", id: "0", delta: text },
      { type: "text-end", id: "0" },
      { type: "finish", usage: result.usage, finishReason: result.finishReason },
    ];
    return {
      stream: new ReadableStream({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    };
  };

  return {
    specificationVersion: "v3",
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    doGenerate: generate,
    doStream: stream,
    get calls() {
      return calls;
    },
  };
}

type ErrorFault = "transient" | "rate-limit" | "permanent";

const ERROR_FAULTS: Record<
  ErrorFault,
  { status: number; text: string; retryable: boolean; headers: Record<string, string> }
> = {
  transient: { status: 503, text: "Service unavailable", retryable: true, headers: {} },
  "rate-limit": { status: 429, text: "Rate limited", retryable: true, headers: { "retry-after": "1" } },
  permanent: { status: 400, text: "Invalid request", retryable: false, headers: {} },
};

function isErrorFault(kind: FaultKind | undefined): kind is ErrorFault {
  return kind !== undefined && kind in ERROR_FAULTS;
}

function apiError(kind: ErrorFault, modelId: string): APICallError {
  const fault = ERROR_FAULTS[kind];
  return new APICallError({
    message: `Injected fault: ${fault.text}`,
    url: `offline://${modelId}`,
    requestBodyValues: {},
    statusCode: fault.status,
    responseHeaders: fault.headers,
    isRetryable: fault.retryable,
  });
}

/** Turns valid JSON into JSON that breaks the schema: required keys dropped, or the root type swapped. */
function breakJson(text: string, schema: JSONSchema7 | undefined): string {
  const value: unknown = JSON.parse(text);
  const required = schema?.required ?? [];
  if (value !== null && typeof value === "object" && !Array.isArray(value) && required.length > 0) {
    const copy: Record<string, unknown> = { ...value };
    for (const key of required) delete copy[key];
    return JSON.stringify(copy);
  }
  if (typeof value === "string") return "42";
  return JSON.stringify(Array.isArray(value) ? { unexpected: value } : [value]);
}
