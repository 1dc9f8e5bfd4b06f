import * as v from "valibot";
import { ConfigError } from "../config/config.ts";
import type { FaultStep } from "./offline-faults.ts";
import { DEFAULT_PRICES } from "./pricing.ts";
import type { ModelCandidate, ProviderName, TierRouting } from "./tiers.ts";

const PROVIDERS = ["anthropic", "openai", "google", "offline"] as const satisfies readonly ProviderName[];
const FAULT_KINDS = ["transient", "rate-limit", "permanent", "invalid-output", "malformed-json"] as const;

const CandidateSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z]+:[\w.-]+$/, "a candidate is 'provider:model'"),
  v.check((text) => (PROVIDERS as readonly string[]).includes(text.split(":")[0] ?? ""), "unknown provider"),
  // An unpriced model would spend money no budget can see: refuse it at configuration time.
  v.check((text) => Object.hasOwn(DEFAULT_PRICES, text), "model has no price in the price table"),
);

const TierCandidates = v.pipe(v.array(CandidateSchema), v.minLength(1));
const RoutingSchema = v.object({ fast: TierCandidates, balanced: TierCandidates, strongest: TierCandidates });

const FaultRuleSchema = v.object({
  /** Only calls made for this agent code; every agent when absent. */
  agent: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]+-\d{3}$/))),
  /** `provider` or `provider:model`; every model when absent. */
  model: v.optional(v.pipe(v.string(), v.regex(/^[a-z]+(:[\w.-]+)?$/))),
  steps: v.pipe(
    v.array(v.object({ kind: v.picklist(FAULT_KINDS), times: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
    v.minLength(1),
  ),
});

/** One injected-fault rule: which calls it applies to and how they fail. */
export type FaultRule = v.InferOutput<typeof FaultRuleSchema>;

/** Model-layer settings beyond the provider keys. */
export interface ModelSettings {
  /** `MODEL_ROUTING`, when set: tier → candidates in fallback order (otherwise routing follows the keys). */
  routing?: TierRouting;
  /** `MODEL_FAULTS`, honoured only in `local` and `test`. */
  faults: FaultRule[];
  /** `local` or `test`: providers without a key are served by the offline model under their own name. */
  simulated: boolean;
}

const cache = new WeakMap<object, ModelSettings>();

/**
 * Reads `MODEL_ROUTING` (JSON: `{"fast": ["google:gemini-2.5-flash", …], "balanced": […], "strongest": […]}`)
 * and `MODEL_FAULTS` (JSON: `[{"agent"?: "MUSE-001", "model"?: "anthropic" | "anthropic:claude-sonnet-4-5",
 * "steps": [{"kind": "transient", "times": 3}]}]`) from the Worker's env, once per env object. Faults exist to
 * test fallback and repair end to end; outside `local` and `test` they are ignored, never applied.
 */
export function loadModelSettings(env: object): ModelSettings {
  const cached = cache.get(env);
  if (cached) return cached;
  const vars = env as Record<string, unknown>;
  const simulated = vars.ENVIRONMENT === "local" || vars.ENVIRONMENT === "test" || vars.ENVIRONMENT === undefined;
  const routing = parseJsonSetting("MODEL_ROUTING", vars.MODEL_ROUTING, RoutingSchema);
  const faults = simulated ? parseJsonSetting("MODEL_FAULTS", vars.MODEL_FAULTS, v.array(FaultRuleSchema)) : undefined;
  const settings: ModelSettings = {
    ...(routing ? { routing: toRouting(routing) } : {}),
    faults: faults ?? [],
    simulated,
  };
  cache.set(env, settings);
  return settings;
}

function parseJsonSetting<S extends v.GenericSchema>(
  name: string,
  raw: unknown,
  schema: S,
): v.InferOutput<S> | undefined {
  if (raw === undefined || raw === "") return undefined;
  let value: unknown;
  try {
    value = typeof raw === "string" ? JSON.parse(raw) : raw;
  } catch {
    throw new ConfigError([`${name} is not valid JSON`]);
  }
  const result = v.safeParse(schema, value);
  if (!result.success) {
    throw new ConfigError(result.issues.map((issue) => `${name}.${v.getDotPath(issue) ?? ""}: ${issue.message}`));
  }
  return result.output;
}

function toRouting(raw: v.InferOutput<typeof RoutingSchema>): TierRouting {
  const candidate = (text: string): ModelCandidate => {
    const [provider, ...model] = text.split(":");
    return { provider: provider as ProviderName, model: model.join(":") };
  };
  return {
    fast: raw.fast.map(candidate),
    balanced: raw.balanced.map(candidate),
    strongest: raw.strongest.map(candidate),
  };
}

/** The fault plan for a call of `agentCode` on `candidate`: the steps of every matching rule, in order. */
export function faultPlanFor(rules: readonly FaultRule[], agentCode: string, candidate: ModelCandidate): FaultStep[] {
  const key = `${candidate.provider}:${candidate.model}`;
  return rules
    .filter((rule) => rule.agent === undefined || rule.agent === agentCode)
    .filter((rule) => rule.model === undefined || rule.model === candidate.provider || rule.model === key)
    .flatMap((rule) => rule.steps);
}
