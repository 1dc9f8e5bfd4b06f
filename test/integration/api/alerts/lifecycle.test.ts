import { describe, expect, it } from "vitest";
import { nextAlertStatus } from "../../../../functions/alerts/lifecycle.ts";
import type { AlertsStatus } from "../../../../shared/db/rows.generated.ts";
import { InvalidTransitionError } from "../../../../shared/domain/errors.ts";

// Every (status, action) pair of the alert lifecycle, written out.
const EXPECTED: [AlertsStatus, "acknowledge" | "resolve", AlertsStatus | "refused"][] = [
  ["open", "acknowledge", "acknowledged"],
  ["open", "resolve", "resolved"],
  ["acknowledged", "acknowledge", "refused"],
  ["acknowledged", "resolve", "resolved"],
  ["resolved", "acknowledge", "refused"],
  ["resolved", "resolve", "refused"],
];

describe("nextAlertStatus", () => {
  it.each(EXPECTED)("%s + %s → %s", (from, action, expected) => {
    if (expected === "refused") {
      expect(() => nextAlertStatus(from, action)).toThrow(InvalidTransitionError);
    } else {
      expect(nextAlertStatus(from, action)).toBe(expected);
    }
  });
});
