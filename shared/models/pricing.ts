import { type ModelCandidate, modelKey } from "./tiers.ts";

/** List price of a model in USD per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Prices keyed by `provider:model`. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** Tokens a call consumed. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

const FLASH: ModelPrice = { inputPerMillion: 0.3, outputPerMillion: 2.5 };
const SONNET: ModelPrice = { inputPerMillion: 3, outputPerMillion: 15 };
const OPUS: ModelPrice = { inputPerMillion: 15, outputPerMillion: 75 };

/**
 * Published list prices (standard tier, prompts under 200k tokens) of the models tiers.ts routes to.
 * The spec's table quotes Gemini Flash at $0.075/$0.30, an older generation; 2.5 Flash lists at $0.30/$2.50.
 */
export const DEFAULT_PRICES: PriceTable = {
  "google:gemini-2.5-flash": FLASH,
  "google:gemini-2.5-pro": { inputPerMillion: 1.25, outputPerMillion: 10 },
  "openai:gpt-5-mini": { inputPerMillion: 0.25, outputPerMillion: 2 },
  "openai:gpt-5": { inputPerMillion: 1.25, outputPerMillion: 10 },
  "openai:o3": { inputPerMillion: 2, outputPerMillion: 8 },
  "anthropic:claude-haiku-4-5": { inputPerMillion: 1, outputPerMillion: 5 },
  "anthropic:claude-sonnet-4-5": SONNET,
  "anthropic:claude-opus-4-1": OPUS,
  // Offline models cost nothing to run, but are priced as the model their tier stands in for, so budgets,
  // quotas and cost dashboards behave locally and in tests as they will in production.
  "offline:fast": FLASH,
  "offline:balanced": SONNET,
  "offline:strongest": OPUS,
};

/** Thrown when a model has no price: an unpriced model would silently read as free against a budget. */
export class UnknownModelPriceError extends Error {
  readonly model: string;
  constructor(model: string) {
    super(`No price configured for model ${model}`);
    this.name = "UnknownModelPriceError";
    this.model = model;
  }
}

/** The price of a model (`provider:model` or a candidate); throws UnknownModelPriceError if unpriced. */
export function priceOf(model: ModelCandidate | string, table: PriceTable = DEFAULT_PRICES): ModelPrice {
  const key = typeof model === "string" ? model : modelKey(model);
  const price = table[key];
  if (!price) throw new UnknownModelPriceError(key);
  return price;
}

/** The cost in USD of a call's usage on a model. */
export function costOf(model: ModelCandidate | string, usage: TokenUsage, table: PriceTable = DEFAULT_PRICES): number {
  return costAt(priceOf(model, table), usage);
}

/** The cost in USD of usage at a known price. */
export function costAt(price: ModelPrice, usage: TokenUsage): number {
  return (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
}
