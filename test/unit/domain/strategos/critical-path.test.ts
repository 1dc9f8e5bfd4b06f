import { describe, expect, it } from "vitest";
import { criticalPath, timelineSuggestions } from "../../../../shared/domain/strategos/index.ts";

// Heizer & Render's "Milwaukee Paper Manufacturing" network (Operations Management, ch. 3), durations in weeks.
// Forward pass: A 0–2, B 0–3, C 2–4, D max(2,3)=3–7, E 4–8, F 4–7, G max(7,8)=8–13, H max(7,13)=13–15.
// Backward pass: H 13–15, G 8–13, F LF 13 → LS 10, E LF 8 → LS 4, D LF 8 → LS 4, C LF min(4,10)=4 → LS 2,
// B LF 4 → LS 1, A LF min(2,4)=2 → LS 0. Slack: B 1, D 1, F 6, others 0. Critical path A–C–E–G–H, 15 weeks.
const milwaukee = [
  { id: "A", duration: 2 },
  { id: "B", duration: 3 },
  { id: "C", duration: 2, dependsOn: ["A"] },
  { id: "D", duration: 4, dependsOn: ["A", "B"] },
  { id: "E", duration: 4, dependsOn: ["C"] },
  { id: "F", duration: 3, dependsOn: ["C"] },
  { id: "G", duration: 5, dependsOn: ["D", "E"] },
  { id: "H", duration: 2, dependsOn: ["F", "G"] },
];

describe("criticalPath", () => {
  it("reproduces the textbook schedule", () => {
    const r = criticalPath(milwaukee);
    expect(r.duration).toBe(15);
    expect(r.criticalPath).toEqual(["A", "C", "E", "G", "H"]);
    expect(r.criticalTasks).toEqual(["A", "C", "E", "G", "H"]);
    const table = Object.fromEntries(
      r.tasks.map((t) => [t.id, [t.earliestStart, t.earliestFinish, t.latestStart, t.latestFinish, t.slack]]),
    );
    expect(table).toEqual({
      A: [0, 2, 0, 2, 0],
      B: [0, 3, 1, 4, 1],
      C: [2, 4, 2, 4, 0],
      D: [3, 7, 4, 8, 1],
      E: [4, 8, 4, 8, 0],
      F: [4, 7, 10, 13, 6],
      G: [8, 13, 8, 13, 0],
      H: [13, 15, 13, 15, 0],
    });
  });

  it("names a dependency cycle in precedence order", () => {
    // A depends on C, B on A, C on B: A must finish before B, B before C, C before A.
    const tasks = [
      { id: "A", duration: 1, dependsOn: ["C"] },
      { id: "B", duration: 1, dependsOn: ["A"] },
      { id: "C", duration: 1, dependsOn: ["B"] },
      { id: "D", duration: 1 },
    ];
    expect(() => criticalPath(tasks)).toThrow("tasks: dependency cycle A → B → C → A");
    expect(() => criticalPath([{ id: "X", duration: 1, dependsOn: ["X"] }])).toThrow("dependency cycle X → X");
  });

  it("names an unknown dependency, a duplicate id and a negative duration", () => {
    expect(() => criticalPath([{ id: "A", duration: 1, dependsOn: ["Z"] }])).toThrow(
      'tasks[0].dependsOn: task "A" depends on unknown task "Z"',
    );
    expect(() =>
      criticalPath([
        { id: "A", duration: 1 },
        { id: "A", duration: 2 },
      ]),
    ).toThrow('tasks: duplicate id "A"');
    expect(() => criticalPath([{ id: "A", duration: -1 }])).toThrow("tasks[0].duration: must not be negative");
  });

  it("handles an empty plan", () => {
    expect(criticalPath([])).toMatchObject({ duration: 0, criticalPath: [], tasks: [] });
  });
});

describe("timelineSuggestions", () => {
  it("caps compression at the next-longest path and lists slack", () => {
    // Longest path avoiding each critical task (project is 15):
    // A: C,E,F start at 0 → B–D–G–H = 3+4+5+2 = 14 → min(2, 1) = 1.   C: 14 → 1.   E: B–D–G–H 14 → 1.
    // G: A–C–F–H = 9 → min(5, 6) = 5.   H: 13 → min(2, 2) = 2.
    const s = timelineSuggestions(criticalPath(milwaukee));
    const compress = s.filter((x) => x.kind === "compress_critical").map((x) => [x.taskId, x.hours]);
    expect(compress).toEqual([
      ["G", 5],
      ["H", 2],
      ["A", 1],
      ["C", 1],
      ["E", 1],
    ]);
    const slack = s.filter((x) => x.kind === "use_slack").map((x) => [x.taskId, x.hours]);
    expect(slack).toEqual([
      ["F", 6],
      ["B", 1],
      ["D", 1],
    ]);
    expect(s.find((x) => x.taskId === "F")!.message).toContain("start as late as 10h");
  });
});
