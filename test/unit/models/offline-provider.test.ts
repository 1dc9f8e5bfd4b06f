import type { JSONSchema7, LanguageModelV3CallOptions } from "@ai-sdk/provider";
import { generateText, jsonSchema, Output, streamText } from "ai";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { jsonSchemaOf } from "../../../shared/models/json-schema.ts";
import { createOfflineModel, offlineReply } from "../../../shared/models/offline-provider.ts";

const SHOES = JSON.stringify({
  product: "eco-friendly running shoes",
  audience: "urban commuters who run",
  objective: "spring launch",
});

function jsonCall(
  prompt: string,
  schema: JSONSchema7,
  system = "You write marketing copy.",
): LanguageModelV3CallOptions {
  return {
    prompt: [
      { role: "system", content: system },
      { role: "user", content: [{ type: "text", text: prompt }] },
    ],
    responseFormat: { type: "json", schema },
  };
}

async function generateObjectFor<S extends v.GenericSchema>(schema: S, prompt: string, modelId = "balanced") {
  const result = await generateText({
    model: createOfflineModel(modelId),
    system: "You are a marketing specialist.",
    prompt,
    output: Output.object({ schema: jsonSchema<unknown>(jsonSchemaOf(schema)) }),
  });
  return result;
}

const headlineSchema = v.object({
  variants: v.pipe(
    v.array(
      v.object({
        headline: v.pipe(v.string(), v.minLength(10), v.maxLength(60)),
        formula: v.picklist(["AIDA", "PAS", "how-to", "question"]),
        reasoning: v.pipe(v.string(), v.minLength(20)),
      }),
    ),
    v.minLength(3),
    v.maxLength(5),
  ),
});

// A spread of shapes: nesting, bounds, formats, unions, records, tuples, nullables, uniqueness.
const VARIETY: Record<string, v.GenericSchema> = {
  flat: v.object({ title: v.string(), count: v.number(), live: v.boolean() }),
  headlines: headlineSchema,
  bounds: v.object({
    score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    open: v.pipe(v.number(), v.gtValue(0), v.ltValue(1)),
    int: v.pipe(v.number(), v.integer(), v.minValue(-5), v.maxValue(5)),
    step: v.pipe(v.number(), v.multipleOf(5), v.minValue(10), v.maxValue(40)),
    short: v.pipe(v.string(), v.minLength(40), v.maxLength(45)),
    tiny: v.pipe(v.string(), v.maxLength(8)),
  }),
  formats: v.object({
    day: v.pipe(v.string(), v.isoDate()),
    at: v.pipe(v.string(), v.isoTimestamp()),
    mail: v.pipe(v.string(), v.email()),
    link: v.pipe(v.string(), v.url()),
    id: v.pipe(v.string(), v.uuid()),
  }),
  unions: v.object({
    maybe: v.nullable(v.picklist(["low", "high"])),
    either: v.union([v.number(), v.string()]),
    kind: v.variant("type", [
      v.object({ type: v.literal("post"), text: v.string() }),
      v.object({ type: v.literal("video"), seconds: v.number() }),
    ]),
    fixed: v.literal("v1"),
  }),
  collections: v.object({
    tags: v.pipe(v.array(v.picklist(["a", "b", "c", "d"])), v.minLength(3), v.maxLength(4)),
    pair: v.tuple([v.string(), v.number()]),
    shares: v.record(v.string(), v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
    optional: v.optional(v.array(v.object({ note: v.string() }))),
    nested: v.object({ deep: v.object({ deeper: v.array(v.object({ leaf: v.pipe(v.string(), v.nonEmpty()) })) }) }),
  }),
};

describe("offline provider", () => {
  it("answers the same prompt with the same object, every time", async () => {
    const first = await generateObjectFor(headlineSchema, SHOES);
    const second = await generateObjectFor(headlineSchema, SHOES);
    expect(second.output).toEqual(first.output);
    expect(second.text).toBe(first.text);
  });

  it("answers different prompts and different models differently", async () => {
    const shoes = await generateObjectFor(headlineSchema, SHOES);
    const coffee = await generateObjectFor(
      headlineSchema,
      JSON.stringify({ product: "single-origin cold brew coffee" }),
    );
    const fast = await generateObjectFor(headlineSchema, SHOES, "fast");
    expect(coffee.text).not.toBe(shoes.text);
    expect(fast.text).not.toBe(shoes.text);
  });

  for (const [name, schema] of Object.entries(VARIETY)) {
    it(`produces valid output for the ${name} schema across prompts`, async () => {
      for (const prompt of [SHOES, "Plan a webinar series on zero-trust security for CFOs", "", "x"]) {
        const result = await generateObjectFor(schema, prompt);
        const parsed = v.safeParse(schema, result.output);
        expect(parsed.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
      }
    });
  }

  it("honours uniqueItems, $ref, allOf, oneOf, type lists and exclusive bounds in raw JSON Schema", () => {
    const schema: JSONSchema7 = {
      definitions: { channel: { type: "string", enum: ["email", "search", "social"] } },
      type: "object",
      required: ["channels", "merged", "choice", "nullable", "ratio"],
      properties: {
        channels: { type: "array", items: { $ref: "#/definitions/channel" }, uniqueItems: true, minItems: 3 },
        merged: {
          allOf: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }, { required: ["b"] }],
        },
        choice: { oneOf: [{ not: {} }, { const: 7 }] },
        nullable: { type: ["null", "integer"], minimum: 3, maximum: 3 },
        ratio: { type: "number", exclusiveMinimum: 0.5, exclusiveMaximum: 0.6, multipleOf: 0.05 },
      },
    };
    const value = JSON.parse(offlineReply("fast", jsonCall(SHOES, schema)).text);
    expect([...value.channels].sort()).toEqual(["email", "search", "social"]);
    expect(typeof value.merged.a).toBe("string");
    expect(value.merged).toHaveProperty("b");
    expect(value.choice).toBe(7);
    expect(value.nullable).toBe(3);
    expect(value.ratio).toBe(0.55);
  });

  it("builds strings from the prompt's own phrases", async () => {
    const result = await generateObjectFor(headlineSchema, SHOES);
    const output = v.parse(headlineSchema, result.output);
    expect(output.variants[0]?.headline.toLowerCase()).toContain("eco-friendly running shoes");
    expect(output.variants.some((variant) => /urban commuters|spring launch/i.test(variant.reasoning))).toBe(true);
  });

  it("picks enum values the prompt mentions", () => {
    const schema = jsonSchemaOf(
      v.object({
        platforms: v.pipe(
          v.array(v.picklist(["google", "meta", "linkedin", "tiktok"])),
          v.minLength(4),
          v.maxLength(4),
        ),
      }),
    );
    const value = JSON.parse(offlineReply("fast", jsonCall("Ads for a B2B audience on LinkedIn only", schema)).text);
    expect(value.platforms).toContain("linkedin");
  });

  it("summarises the prompt as text when no schema is given, counting tokens from the text", async () => {
    const prompt = "Write a short summary about eco-friendly running shoes for urban commuters in spring.";
    const result = await generateText({ model: createOfflineModel("fast"), prompt });
    expect(result.text.toLowerCase()).toContain("eco-friendly running shoes");
    expect(result.finishReason).toBe("stop");
    expect(result.usage.outputTokens).toBe(Math.ceil(result.text.length / 4));
    expect(result.usage.inputTokens).toBe(Math.ceil(`user: ${prompt}`.length / 4));
  });

  it("stops at maxOutputTokens with finish reason length", async () => {
    const result = await generateText({ model: createOfflineModel("fast"), prompt: SHOES, maxOutputTokens: 3 });
    expect(result.text.length).toBeLessThanOrEqual(12);
    expect(result.finishReason).toBe("length");
  });

  it("streams the same text it generates", async () => {
    const generated = await generateText({ model: createOfflineModel("balanced"), prompt: SHOES });
    const streamed = streamText({ model: createOfflineModel("balanced"), prompt: SHOES });
    let text = "";
    for await (const delta of streamed.textStream) text += delta;
    expect(text).toBe(generated.text);
    expect((await streamed.usage).outputTokens).toBe(generated.usage.outputTokens);
  });
});
