import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ServerFrame } from "../../../../shared/events/protocol.ts";
import { call } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { connect, settle, type TestSocket, tokenFor } from "../../lords-runtime/helpers.ts";
import { dropWorkspace, seer, seerWorkspace } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let theirs: string;
beforeAll(async () => {
  ws = await seerWorkspace(sql);
  theirs = await seerWorkspace(sql);
});
afterAll(async () => {
  await dropWorkspace(sql, ws);
  await dropWorkspace(sql, theirs);
});
const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

type EventFrame = Extract<ServerFrame, { type: "event" }>;
const predictionOf =
  (id: string) =>
  (frame: ServerFrame): frame is EventFrame =>
    frame.type === "event" && frame.event === "trend.predicted" && frame.data.forecast_id === id;

describe("seer socket", () => {
  it("delivers trend.predicted to the Seer's subscribers of the workspace only", async () => {
    const token = await tokenFor(USERS.victor);
    const mine = await connect(ws, "/ws/lords/seer", { token });
    const outsider = await connect(theirs, "/ws/lords/seer", { token });
    open.push(mine, outsider);

    const res = await call<{ data: { id: string } }>(USERS.oliver, seer(ws, "/predict-trend"), {
      body: { subject: "Demand", metric: "searches", method: "linear", series: [5, 6, 7, 8], horizon: 2 },
    });
    expect(res.status).toBe(201);
    const frame = await mine.next(predictionOf(res.body.data.id));
    expect(frame).toMatchObject({
      lord: "seer",
      data: { subject: "Demand", metric: "searches", trend_direction: "strongly_up", confidence_level: "very_high" },
    });
    await settle();
    expect(outsider.frames.filter((f) => f.type === "event")).toEqual([]);
  });
});
