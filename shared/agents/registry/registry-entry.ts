import type { JSONSchema7 } from "@ai-sdk/provider";
import { jsonSchemaOf } from "../../models/json-schema.ts";
import type { ModelTier, TaskType } from "../../models/tiers.ts";
import type { Capability } from "./capabilities.ts";
import type { AgentDefinition, Guild } from "./types.ts";

/** An agent as `GET /api/agents/registry` publishes it: plain JSON, schemas as JSON Schema (draft-07). */
export interface RegistryEntry {
  code: string;
  name: string;
  guild: Guild;
  role: string;
  capabilities: Capability[];
  taskType: TaskType;
  defaultTier: ModelTier;
  inputSchema: JSONSchema7;
  outputSchema: JSONSchema7;
  exampleInput: unknown;
}

/**
 * The JSON summary of an agent. The system prompt stays out: it is internal instruction, not contract, and
 * changing it must not look like an API change to clients.
 */
export function toRegistryEntry(agent: AgentDefinition): RegistryEntry {
  return {
    code: agent.code,
    name: agent.name,
    guild: agent.guild,
    role: agent.role,
    capabilities: [...agent.capabilities],
    taskType: agent.taskType,
    defaultTier: agent.defaultTier,
    inputSchema: jsonSchemaOf(agent.inputSchema),
    outputSchema: jsonSchemaOf(agent.outputSchema),
    exampleInput: agent.exampleInput,
  };
}
