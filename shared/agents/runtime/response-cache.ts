import type { Redis } from "@upstash/redis/cloudflare";
import {
  agentResponseTtlSeconds,
  type CachedResult,
  cacheDependenciesForAgent,
  cacheKeyForAgentResponse,
  createCache,
} from "../../cache/index.ts";
import { jsonSchemaOf } from "../../models/json-schema.ts";
import type { ModelTier, ProviderName } from "../../models/tiers.ts";
import type { AgentDefinition } from "../registry/index.ts";
import type { UpstreamResult } from "./prompt.ts";

/** One cached answer: the agent's output and the model that produced it. */
export interface CachedResponse {
  output: unknown;
  provider: ProviderName;
  model: string;
  tier: ModelTier;
}

/** What identifies an answer: whose, to what, on which tier, from which knowledge. */
export interface ResponseRequest {
  workspaceId: string;
  agent: AgentDefinition;
  input: unknown;
  /** Outputs of the graph steps the prompt includes: the same input after different steps is another question. */
  upstream: readonly UpstreamResult[];
  tier: ModelTier;
  knowledgeVersion: number;
  /** A user asked to regenerate: skip the stored answer and replace it. */
  refresh: boolean;
}

/** Bump when `buildPrompt` changes what a model sees for the same input, so no answer to the old prompt is reused. */
const PROMPT_VERSION = 1;

const versions = new Map<string, Promise<string>>();

/**
 * The version of an agent's answers: its system prompt and output schema (both change between deploys)
 * and the prompt layout. Part of the key, so a deploy that changes any of them never serves an old shape.
 */
function responseVersion(agent: AgentDefinition): Promise<string> {
  let version = versions.get(agent.code);
  if (!version) {
    const text = JSON.stringify([PROMPT_VERSION, agent.systemPrompt, jsonSchemaOf(agent.outputSchema)]);
    version = crypto.subtle
      .digest("SHA-256", new TextEncoder().encode(text))
      .then((digest) =>
        Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join(""),
      );
    versions.set(agent.code, version);
  }
  return version;
}

/**
 * The agent's answer from the response cache, or `compute`'s (the model call) stored for the tier's TTL.
 * Identical concurrent requests make one model call: the others wait for its answer (single flight).
 * An answer a cheaper tier gave, because every model of the requested tier failed, is not kept: the
 * next identical request should get the tier it asked for.
 */
export async function cachedResponse(
  redis: Redis,
  request: ResponseRequest,
  compute: () => Promise<{ value: CachedResponse; costUsd: number }>,
): Promise<CachedResult<CachedResponse>> {
  const { agent, upstream } = request;
  const id = await cacheKeyForAgentResponse({
    agentCode: agent.code,
    input:
      upstream.length === 0
        ? request.input
        : { input: request.input, upstream: upstream.map((step) => [step.nodeKey, step.agentCode, step.output]) },
    modelTier: request.tier,
    knowledgeVersion: request.knowledgeVersion,
    outputVersion: await responseVersion(agent),
  });
  const cache = createCache({ redis, workspaceId: request.workspaceId });
  const result = await cache.getOrCompute("agent_responses", id, compute, {
    ttlSeconds: agentResponseTtlSeconds(request.tier),
    dependsOn: cacheDependenciesForAgent(agent),
    refresh: request.refresh,
  });
  if (!result.cached && result.value.tier !== request.tier) await cache.delete("agent_responses", id);
  return result;
}
