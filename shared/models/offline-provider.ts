import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { hash32 } from "./deterministic.ts";
import { buildVocabulary, type Vocabulary } from "./salience.ts";
import { sampleJsonSchema } from "./schema-sample.ts";

/** The provider name offline models report, and the prefix of their ids (`offline:balanced`). */
export const OFFLINE_PROVIDER = "offline";

/** What the offline model answers to one call, before it is shaped as generate or stream output. */
export interface OfflineReply {
  text: string;
  inputTokens: number;
  outputTokens: number;
  finish: "stop" | "length";
  responseId: string;
}

const CHARS_PER_TOKEN = 4;
const tokens = (chars: number) => Math.ceil(chars / CHARS_PER_TOKEN);

/**
 * Computes the offline reply: with a JSON schema, a value valid against it built from the prompt's phrases;
 * without one, a short summary of the prompt. Seeded by model id and prompt only, so it always replays.
 */
export function offlineReply(modelId: string, options: LanguageModelV3CallOptions): OfflineReply {
  const { request, instructions, transcript } = promptTexts(options.prompt);
  const vocab = buildVocabulary(request, instructions);
  const format = options.responseFormat;
  const schemaText = format?.type === "json" && format.schema ? JSON.stringify(format.schema) : "";
  const seed = `${modelId}\n${transcript}\n${schemaText}`;

  let text: string;
  let finish: OfflineReply["finish"] = "stop";
  if (format?.type === "json") {
    const value = format.schema
      ? sampleJsonSchema(format.schema, vocab, seed)
      : { summary: summarise(vocab), keywords: vocab.words.slice(0, 5) };
    text = JSON.stringify(value);
  } else {
    text = summarise(vocab);
    const limit = options.maxOutputTokens;
    if (limit !== undefined && tokens(text.length) > limit) {
      text = text.slice(0, limit * CHARS_PER_TOKEN);
      finish = "length";
    }
  }
  return {
    text,
    // Real providers bill the response schema as input too, so it counts here, keeping budgets honest.
    inputTokens: tokens(transcript.length + schemaText.length),
    outputTokens: tokens(text.length),
    finish,
    responseId: `offline-${hash32(seed).toString(16)}`,
  };
}

/** A deterministic, network-free `LanguageModelV3` for local runs and tests. */
export function createOfflineModel(modelId: string): LanguageModelV3 {
  const generate = async (options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> => {
    options.abortSignal?.throwIfAborted();
    const reply = offlineReply(modelId, options);
    return {
      content: [{ type: "text", text: reply.text }],
      finishReason: { unified: reply.finish, raw: reply.finish },
      usage: usageOf(reply),
      response: { id: reply.responseId, modelId },
      warnings: toolWarnings(options),
    };
  };
  const stream = async (options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> => {
    options.abortSignal?.throwIfAborted();
    const reply = offlineReply(modelId, options);
    const parts: LanguageModelV3StreamPart[] = [
      { type: "stream-start", warnings: toolWarnings(options) },
      { type: "response-metadata", id: reply.responseId, modelId },
      { type: "text-start", id: "0" },
      ...(reply.text.match(/\S+\s*|\s+/g) ?? []).map(
        (delta): LanguageModelV3StreamPart => ({
          type: "text-delta",
          id: "0",
          delta,
        }),
      ),
      { type: "text-end", id: "0" },
      { type: "finish", usage: usageOf(reply), finishReason: { unified: reply.finish, raw: reply.finish } },
    ];
    return {
      stream: new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    };
  };
  return {
    specificationVersion: "v3",
    provider: OFFLINE_PROVIDER,
    modelId,
    supportedUrls: {},
    doGenerate: generate,
    doStream: stream,
  };
}

/** Splits the prompt into the request (user turns), instructions (system) and the whole transcript. */
function promptTexts(prompt: LanguageModelV3Prompt) {
  const request: string[] = [];
  const instructions: string[] = [];
  const transcript: string[] = [];
  for (const message of prompt) {
    if (message.role === "system") {
      instructions.push(message.content);
      transcript.push(`system: ${message.content}`);
      continue;
    }
    for (const part of message.content) {
      if (part.type !== "text") continue;
      if (message.role === "user") request.push(part.text);
      transcript.push(`${message.role}: ${part.text}`);
    }
  }
  return { request, instructions, transcript: transcript.join("\n") };
}

function summarise(vocab: Vocabulary): string {
  const [first, ...others] = vocab.phrases.slice(0, 4);
  if (!first) return "Nothing to summarise: the prompt was empty.";
  const subject = first.charAt(0).toUpperCase() + first.slice(1);
  const list = others.length > 1 ? `${others.slice(0, -1).join(", ")} and ${others.at(-1)}` : (others[0] ?? "");
  const terms = vocab.words.slice(0, 5).join(", ");
  return `${subject}${list ? ` — covering ${list}` : ""}. Key terms: ${terms}.`;
}

function usageOf(reply: OfflineReply): LanguageModelV3Usage {
  return {
    inputTokens: { total: reply.inputTokens, noCache: reply.inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: reply.outputTokens, text: reply.outputTokens, reasoning: 0 },
  };
}

function toolWarnings(options: LanguageModelV3CallOptions): LanguageModelV3GenerateResult["warnings"] {
  return options.tools?.length
    ? [{ type: "unsupported", feature: "tools", details: "The offline model never calls tools." }]
    : [];
}
