import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ServerFrame } from "../../../../shared/events/protocol.ts";
import { call } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { connect, settle, type TestSocket, tokenFor } from "../../lords-runtime/helpers.ts";
import { addBrandBook, addContent, aesthete, aestheteWorkspace, POOR_COPY } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let theirs: string;
beforeAll(async () => {
  ws = await aestheteWorkspace(sql);
  theirs = await aestheteWorkspace(sql);
  await addBrandBook(sql, ws);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id in ${sql([ws, theirs])}`;
});
const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

type EventFrame = Extract<ServerFrame, { type: "event" }>;
const rejectionOf =
  (itemId: string) =>
  (frame: ServerFrame): frame is EventFrame =>
    frame.type === "event" && frame.event === "content.rejected" && frame.data.content_item_id === itemId;

describe("aesthete socket", () => {
  it("delivers content.rejected to the Aesthete's and the workspace's subscribers, not to another workspace", async () => {
    const token = await tokenFor(USERS.victor);
    const lordSocket = await connect(ws, "/ws/lords/aesthete", { token });
    const workspaceSocket = await connect(ws, "/ws/workspace", { token: await tokenFor(USERS.alice) });
    const outsider = await connect(theirs, "/ws/lords/aesthete", { token });
    open.push(lordSocket, workspaceSocket, outsider);

    const itemId = await addContent(sql, ws, { content_type: "copy", body: POOR_COPY });
    const res = await call<{ data: { score: number } }>(USERS.oliver, aesthete(ws, "/approve"), {
      body: { content_item_id: itemId },
    });
    expect(res.status).toBe(201);

    for (const socket of [lordSocket, workspaceSocket]) {
      const frame = await socket.next(rejectionOf(itemId));
      expect(frame).toMatchObject({
        lord: "aesthete",
        data: { content_item_id: itemId, score: 19.1, reasons: expect.arrayContaining([expect.any(String)]) },
      });
    }
    await settle();
    expect(outsider.frames.filter((frame) => frame.type === "event")).toEqual([]);
  });
});
