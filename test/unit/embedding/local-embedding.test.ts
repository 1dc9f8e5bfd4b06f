import { describe, expect, it } from "vitest";
import { embedText, LOCAL_EMBEDDING_DIMENSION } from "../../../shared/embedding/local-embedding.ts";

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

function norm(vector: Float32Array): number {
  return Math.sqrt(cosine(vector, vector));
}

/** Order-sensitive digest of the exact float32 bits, to pin the method across machines and releases. */
function fingerprint(vector: Float32Array): string {
  let hash = 0x811c9dc5;
  for (const word of new Uint32Array(vector.buffer, vector.byteOffset, vector.length)) {
    hash = Math.imul(hash ^ word, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

describe("embedText", () => {
  it("happy: returns a unit vector of 384 components by default, or the dimension asked for", () => {
    const vector = embedText("Plan the Q3 launch campaign");
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(LOCAL_EMBEDDING_DIMENSION);
    expect(norm(vector)).toBeCloseTo(1, 6);
    expect(embedText("Plan the Q3 launch campaign", 64)).toHaveLength(64);
  });

  it("happy: is deterministic, down to the bit, including across runtimes", () => {
    const text = "Budget review: marketing spend vs. forecast — Q3 (draft)";
    expect(fingerprint(embedText(text))).toBe(fingerprint(embedText(text)));
    // Pinned values: a change here means every stored local embedding must be recomputed.
    expect(fingerprint(embedText(text))).toBe(PINNED.budget);
    expect(fingerprint(embedText("héllo wörld 你好"))).toBe(PINNED.unicode);
  });

  it("happy: scores similar texts above unrelated ones", () => {
    const fox = embedText("The quick brown fox jumps over the lazy dog");
    const foxAgain = embedText("A quick brown fox jumped over a lazy dog");
    const finance = embedText("Quarterly revenue forecast for the marketing budget");
    expect(cosine(fox, foxAgain)).toBeGreaterThan(0.5);
    expect(cosine(fox, foxAgain)).toBeGreaterThan(cosine(fox, finance) + 0.3);

    const plan = embedText("campaign planning for the product launch");
    const planned = embedText("planned product launch campaign");
    const weather = embedText("heavy rain expected in the mountains tomorrow");
    expect(cosine(plan, planned)).toBeGreaterThan(cosine(plan, weather) + 0.3);
  });

  it("happy: ignores case, Unicode compatibility forms and punctuation", () => {
    const plain = embedText("Launch plan ready");
    expect(cosine(plain, embedText("LAUNCH   plan, ready!"))).toBeCloseTo(1, 6);
    expect(cosine(embedText("ｆｕｌｌ width"), embedText("full width"))).toBeCloseTo(1, 6);
  });

  it("happy: keeps some word order through bigrams", () => {
    const original = embedText("dog bites man");
    expect(cosine(original, embedText("man bites dog"))).toBeLessThan(cosine(original, embedText("dog bites man")));
    expect(cosine(original, embedText("man bites dog"))).toBeLessThan(0.999);
  });

  it("error: still yields a unit vector for empty or symbol-only text", () => {
    for (const text of ["", "   ", "!!! ---"]) {
      const vector = embedText(text);
      expect(norm(vector)).toBeCloseTo(1, 6);
    }
    expect(cosine(embedText(""), embedText("?!"))).toBeCloseTo(1, 6);
  });

  it("error: refuses a dimension that is not a positive integer", () => {
    expect(() => embedText("x", 0)).toThrow(RangeError);
    expect(() => embedText("x", 1.5)).toThrow(RangeError);
  });
});

const PINNED = { budget: "69626896", unicode: "f813fc3d" };
