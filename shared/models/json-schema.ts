import type { JSONSchema7 } from "@ai-sdk/provider";
import { toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";

/** Any valibot schema. */
export type AnySchema = v.GenericSchema<unknown, unknown>;

const cache = new WeakMap<AnySchema, JSONSchema7>();

/**
 * The draft-07 JSON Schema of a valibot schema, as sent to models and published by the registry. Conversion
 * throws on constructs JSON Schema cannot express, so a schema a model could never satisfy fails loudly.
 */
export function jsonSchemaOf(schema: AnySchema): JSONSchema7 {
  const cached = cache.get(schema);
  if (cached) return cached;
  const { $schema: _draft, ...converted } = toJsonSchema(schema, { target: "draft-07" }) as JSONSchema7;
  cache.set(schema, converted);
  return converted;
}
