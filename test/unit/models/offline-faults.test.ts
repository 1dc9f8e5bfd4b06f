import type { LanguageModelV3CallOptions } from "@ai-sdk/provider";
import { APICallError } from "ai";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { jsonSchemaOf } from "../../../shared/models/json-schema.ts";
import { withFaults } from "../../../shared/models/offline-faults.ts";
import { createOfflineModel } from "../../../shared/models/offline-provider.ts";

const Schema = v.object({ title: v.string(), score: v.number() });
const options: LanguageModelV3CallOptions = {
  prompt: [{ role: "user", content: [{ type: "text", text: "Launch plan for solar backpacks" }] }],
  responseFormat: { type: "json", schema: jsonSchemaOf(Schema) },
};
const textOf = (result: Awaited<ReturnType<ReturnType<typeof createOfflineModel>["doGenerate"]>>) =>
  result.content.map((part) => (part.type === "text" ? part.text : "")).join("");

describe("offline fault injection", () => {
  it("passes every call through when no fault is planned", async () => {
    const plain = createOfflineModel("fast");
    const model = withFaults(plain, []);
    expect(textOf(await model.doGenerate(options))).toBe(textOf(await plain.doGenerate(options)));
    expect(model.calls).toBe(1);
  });

  it("throws retryable and non-retryable provider errors for the first calls, then recovers", async () => {
    const model = withFaults(createOfflineModel("fast"), [
      { kind: "transient", times: 1 },
      { kind: "rate-limit", times: 1 },
      { kind: "permanent", times: 1 },
    ]);
    const errors: unknown[] = [];
    for (let i = 0; i < 3; i++)
      errors.push(
        await model.doGenerate(options).then(
          () => null,
          (error: unknown) => error,
        ),
      );
    expect(errors.map((error) => APICallError.isInstance(error) && [error.statusCode, error.isRetryable])).toEqual([
      [503, true],
      [429, true],
      [400, false],
    ]);
    expect(v.safeParse(Schema, JSON.parse(textOf(await model.doGenerate(options)))).success).toBe(true);
    expect(model.calls).toBe(4);
  });

  it("answers schema-invalid JSON and cut-off JSON when asked to", async () => {
    const invalid = withFaults(createOfflineModel("fast"), { kind: "invalid-output", times: 1 });
    expect(v.safeParse(Schema, JSON.parse(textOf(await invalid.doGenerate(options)))).success).toBe(false);
    const malformed = withFaults(createOfflineModel("fast"), { kind: "malformed-json", times: 1 });
    const cut = textOf(await malformed.doGenerate(options));
    expect(() => JSON.parse(cut)).toThrow(SyntaxError);
  });

  it("fails streams the same way", async () => {
    const model = withFaults(createOfflineModel("fast"), { kind: "transient", times: 1 });
    await expect(model.doStream(options)).rejects.toSatisfy((error: unknown) => APICallError.isInstance(error));
    const { stream } = await model.doStream(options);
    const parts: string[] = [];
    for await (const part of stream) parts.push(part.type);
    expect(parts).toEqual(["stream-start", "text-start", "text-delta", "text-end", "finish"]);
  });
});
