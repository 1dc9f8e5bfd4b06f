import type { LordModule } from "../capability.ts";
import { analyzeArchitecture } from "./analyze-architecture.ts";
import { approveInitiative } from "./approve-initiative.ts";
import { designInitiative } from "./design-initiative.ts";
import { getGuildGuidance } from "./get-guild-guidance.ts";
import { getInitiative } from "./get-initiative.ts";
import { listDecisions } from "./list-decisions.ts";
import { listInitiatives } from "./list-initiatives.ts";
import { optimizeComponent } from "./optimize-component.ts";
import { provideStrategicGuidance } from "./provide-strategic-guidance.ts";
import { reviewGuildStrategy } from "./review-guild-strategy.ts";
import { routeRequest } from "./route-request.ts";
import { transitionInitiative } from "./transition-initiative.ts";

/**
 * The Architect (LORD-001): strategic initiatives through their 9-state lifecycle, architecture
 * analysis and optimisation, guild guidance and strategy reviews, and request routing to the guilds.
 */
export const capabilities: LordModule["capabilities"] = [
  designInitiative,
  analyzeArchitecture,
  optimizeComponent,
  provideStrategicGuidance,
  reviewGuildStrategy,
  routeRequest,
  approveInitiative,
  transitionInitiative,
  listInitiatives,
  getInitiative,
  getGuildGuidance,
  listDecisions,
];
