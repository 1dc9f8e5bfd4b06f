import { describe, expect, it } from "vitest";
import { renderPrometheus } from "../../../functions/metrics/index.ts";

describe("renderPrometheus", () => {
  it("happy: HELP and TYPE, then one line per sample with its labels", () => {
    const text = renderPrometheus([
      {
        name: "raptorflow_dead_letters",
        help: "Dead letters by status",
        type: "gauge",
        samples: [
          { labels: { status: "pending" }, value: 3 },
          { labels: { status: "retrying" }, value: 0 },
        ],
      },
      { name: "raptorflow_up", help: "Up", type: "counter", samples: [{ value: 1.5 }] },
    ]);
    expect(text).toBe(
      [
        "# HELP raptorflow_dead_letters Dead letters by status",
        "# TYPE raptorflow_dead_letters gauge",
        'raptorflow_dead_letters{status="pending"} 3',
        'raptorflow_dead_letters{status="retrying"} 0',
        "# HELP raptorflow_up Up",
        "# TYPE raptorflow_up counter",
        "raptorflow_up 1.5",
        "",
      ].join("\n"),
    );
  });

  it("edge: escapes label values and help text; writes NaN and infinities as Prometheus does", () => {
    const text = renderPrometheus([
      {
        name: "m",
        help: "back\\slash\nnewline",
        type: "gauge",
        samples: [
          { labels: { v: 'a"b\\c\nd' }, value: Number.NaN },
          { value: Number.POSITIVE_INFINITY },
          { value: Number.NEGATIVE_INFINITY },
        ],
      },
    ]);
    expect(text).toContain("# HELP m back\\\\slash\\nnewline");
    expect(text).toContain('m{v="a\\"b\\\\c\\nd"} NaN');
    expect(text).toContain("m +Inf\nm -Inf\n");
  });
});
