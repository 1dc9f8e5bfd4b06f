import { describe, expect, it } from "vitest";
import { ApiError } from "../../../shared/http/api-error.ts";
import { lordObjectName, parseLordObjectName } from "../../../shared/lords/names.ts";
import { failure, unwrap } from "../../../shared/lords/result.ts";

describe("Lord object names", () => {
  it("round-trip workspace and Lord", () => {
    const name = lordObjectName("0b000000-0000-4000-8000-000000000001", "arbiter");
    expect(name).toBe("0b000000-0000-4000-8000-000000000001:arbiter");
    expect(parseLordObjectName(name)).toEqual({ workspaceId: "0b000000-0000-4000-8000-000000000001", lord: "arbiter" });
  });

  it("refuse anything that is not a Lord object name", () => {
    expect(() => parseLordObjectName(undefined)).toThrow(/Not a Lord object name/);
    expect(() => parseLordObjectName("ws:jester")).toThrow(/Not a Lord object name/);
    expect(() => parseLordObjectName(":seer")).toThrow(/Not a Lord object name/);
  });
});

describe("execute results across RPC", () => {
  it("carry an ApiError as data and rethrow it as an ApiError", () => {
    const result = failure(ApiError.conflict("taken", [{ field: "name", message: "exists" }], "DUPLICATE"));
    expect(result).toEqual({
      ok: false,
      error: { status: 409, code: "DUPLICATE", message: "taken", details: [{ field: "name", message: "exists" }] },
    });
    expect(() => unwrap(result)).toThrow(ApiError);
    expect(unwrap({ ok: true, data: 7 })).toBe(7);
  });
});
