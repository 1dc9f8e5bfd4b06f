import type { AgentDefinition } from "../registry/index.ts";

/** Output of a step this one depends on. */
export interface UpstreamResult {
  nodeKey: string;
  agentCode: string;
  output: unknown;
}

/**
 * The user turn for an execution: the validated input, then (in a graph) the outputs of the steps it
 * depends on, each labelled with its step and agent, then the workspace knowledge retrieved for the task
 * under its citations ([K1], …), so the model can say where a fact came from.
 */
export function buildPrompt(
  agent: AgentDefinition,
  input: unknown,
  upstream: readonly UpstreamResult[] = [],
  knowledge = "",
): string {
  const parts = [`Task for ${agent.code} (${agent.name}). Input:\n${JSON.stringify(input, null, 2)}`];
  if (upstream.length > 0) {
    const results = upstream.map(
      (result) => `Step "${result.nodeKey}" (${result.agentCode}):\n${JSON.stringify(result.output, null, 2)}`,
    );
    parts.push(`Results of the steps this task depends on:\n\n${results.join("\n\n")}`);
  }
  if (knowledge !== "") parts.push(knowledge);
  parts.push("Answer with a single JSON value that matches the required schema.");
  return parts.join("\n\n");
}
