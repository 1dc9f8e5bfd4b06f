import { describe, expect, it } from "vitest";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { requireSeries } from "../../../shared/domain/validate.ts";

describe("DomainInputError", () => {
  it("names the field in the message and as an issue", () => {
    const e = new DomainInputError("series", "linear forecasting needs at least 3 points, got 2");
    expect(e.message).toBe("series: linear forecasting needs at least 3 points, got 2");
    expect(e.field).toBe("series");
    expect(e.issues).toEqual([{ field: "series", message: "linear forecasting needs at least 3 points, got 2" }]);
    expect(e).toBeInstanceOf(Error);
  });

  it("is what validators throw", () => {
    expect(() => requireSeries("series", [1, Number.POSITIVE_INFINITY], 1)).toThrow(DomainInputError);
  });
});
