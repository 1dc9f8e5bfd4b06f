import type { Capability } from "./capabilities.ts";
import { councilAgents } from "./council.ts";
import { guardianAgents } from "./guardian.ts";
import { matrixIntelSignalAgents } from "./matrix-intel-signals.ts";
import { matrixThreatForecastAgents } from "./matrix-threats-forecasts.ts";
import { museCopyContentAgents } from "./muse-copy-content.ts";
import { museSocialDirectionAgents } from "./muse-social-direction.ts";
import { museVisualVideoAgents } from "./muse-visual-video.ts";
import { researchFoundationAgents } from "./research-foundations.ts";
import { researchInsightAgents } from "./research-insight.ts";
import type { AgentDefinition, Guild } from "./types.ts";

export type { Capability } from "./capabilities.ts";
export { CAPABILITIES } from "./capabilities.ts";
export type { RegistryEntry } from "./registry-entry.ts";
export { toRegistryEntry } from "./registry-entry.ts";
export type { AgentDefinition, AgentSchema, AgentSpec, Guild } from "./types.ts";
export { defineAgent, GUILD_PREFIX, GUILDS } from "./types.ts";

/** All 87 agents: the seven Lords, then the Research, Muse, Matrix and Guardian guilds, in code order. */
export const agentRegistry: readonly AgentDefinition[] = Object.freeze([
  ...councilAgents,
  ...researchFoundationAgents,
  ...researchInsightAgents,
  ...museCopyContentAgents,
  ...museVisualVideoAgents,
  ...museSocialDirectionAgents,
  ...matrixIntelSignalAgents,
  ...matrixThreatForecastAgents,
  ...guardianAgents,
]);

const byCode = new Map(agentRegistry.map((agent) => [agent.code, agent]));
// A duplicated code would make one agent unreachable: fail at load, not on some later lookup.
if (byCode.size !== agentRegistry.length) throw new Error("Agent registry has duplicate codes");

/** The agent with this code (case-insensitive), or undefined. */
export function getAgent(code: string): AgentDefinition | undefined {
  return byCode.get(code.toUpperCase());
}

/** Agents filtered by guild and/or capability, in registry order. */
export function listAgents(filter: { guild?: Guild; capability?: Capability } = {}): AgentDefinition[] {
  return agentRegistry.filter(
    (agent) =>
      (filter.guild === undefined || agent.guild === filter.guild) &&
      (filter.capability === undefined || agent.capabilities.includes(filter.capability)),
  );
}
