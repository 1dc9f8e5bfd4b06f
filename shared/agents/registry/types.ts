import type * as v from "valibot";
import { type ModelTier, type TaskType, tierForTask } from "../../models/tiers.ts";
import type { Capability } from "./capabilities.ts";

/** The Council and the four guilds. */
export const GUILDS = ["council", "research", "muse", "matrix", "guardian"] as const;

/** Where an agent belongs. */
export type Guild = (typeof GUILDS)[number];

/** The code prefix of each guild's agents (LORD-001, RES-001, MUSE-001, MTX-001, GRD-001). */
export const GUILD_PREFIX: Readonly<Record<Guild, string>> = {
  council: "LORD",
  research: "RES",
  muse: "MUSE",
  matrix: "MTX",
  guardian: "GRD",
};

/** Any valibot schema an agent reads or writes. */
export type AgentSchema = v.GenericSchema<unknown, unknown>;

/** One agent as data: who it is, what it can do, how it is prompted, and what it reads and writes. */
export interface AgentDefinition {
  readonly code: string;
  readonly name: string;
  readonly guild: Guild;
  /** What the agent is responsible for, in a sentence. */
  readonly role: string;
  readonly capabilities: readonly Capability[];
  readonly taskType: TaskType;
  readonly defaultTier: ModelTier;
  readonly systemPrompt: string;
  readonly inputSchema: AgentSchema;
  readonly outputSchema: AgentSchema;
  /** A realistic input, valid against inputSchema: documentation, tests and the registry endpoint use it. */
  readonly exampleInput: unknown;
}

/** An agent as written in a guild file: the example input is checked against the input schema at compile time. */
export interface AgentSpec<TIn extends AgentSchema, TOut extends AgentSchema> {
  code: string;
  name: string;
  role: string;
  capabilities: readonly Capability[];
  taskType: TaskType;
  /** Only when the agent should not run on its task type's tier; say why beside it. */
  defaultTier?: ModelTier;
  systemPrompt: string;
  inputSchema: TIn;
  outputSchema: TOut;
  exampleInput: v.InferInput<TIn>;
}

/** Builds an agent of `guild`, deriving its default tier from its task type unless it overrides it. */
export function defineAgent<TIn extends AgentSchema, TOut extends AgentSchema>(
  guild: Guild,
  spec: AgentSpec<TIn, TOut>,
): AgentDefinition {
  if (!spec.code.startsWith(`${GUILD_PREFIX[guild]}-`)) throw new Error(`${spec.code} does not belong to ${guild}`);
  return {
    ...spec,
    guild,
    systemPrompt: spec.systemPrompt.replace(/\s+/g, " ").trim(),
    defaultTier: spec.defaultTier ?? tierForTask(spec.taskType),
  };
}
