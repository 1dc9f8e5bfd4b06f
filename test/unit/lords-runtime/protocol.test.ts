import { describe, expect, it } from "vitest";
import { eventFrame, parseClientMessage } from "../../../shared/events/protocol.ts";
import type { RecordedEvent } from "../../../shared/events/record.ts";

const event: RecordedEvent = {
  id: "3f1c0a5e-0000-4000-8000-000000000001",
  sequence: 42,
  workspaceId: "0b000000-0000-4000-8000-000000000001",
  channel: "guild_muse",
  type: "content.rejected",
  lord: "aesthete",
  payload: { content_id: "c-1", score: 61 },
  actorId: null,
  requestId: "req-1",
  createdAt: "2026-11-22T10:00:00.000Z",
};

describe("client frames", () => {
  it("accepts ping, subscribe, unsubscribe and resume", () => {
    expect(parseClientMessage('{"type":"ping"}')).toEqual({ ok: true, frame: { type: "ping" } });
    expect(parseClientMessage('{"type":"subscribe","events":["content.rejected","*"]}')).toEqual({
      ok: true,
      frame: { type: "subscribe", events: ["content.rejected", "*"] },
    });
    expect(parseClientMessage('{"type":"unsubscribe","events":["*"]}')).toMatchObject({ ok: true });
    expect(parseClientMessage('{"type":"resume","last_event_id":"17"}')).toEqual({
      ok: true,
      frame: { type: "resume", last_event_id: 17 },
    });
    expect(parseClientMessage('{"type":"resume","last_event_id":0}')).toMatchObject({ ok: true });
  });

  it("names what is wrong with an invalid frame", () => {
    expect(parseClientMessage("{")).toEqual({ ok: false, code: "INVALID_JSON", message: "Frame is not valid JSON" });
    expect(parseClientMessage(new ArrayBuffer(2))).toMatchObject({ ok: false, code: "UNSUPPORTED_FRAME" });
    expect(parseClientMessage('{"type":"dance"}')).toMatchObject({ ok: false, code: "INVALID_FRAME" });
    const unknownType = parseClientMessage('{"type":"subscribe","events":["content.vanished"]}');
    expect(unknownType).toMatchObject({ ok: false, code: "INVALID_FRAME" });
    expect(unknownType.ok === false && unknownType.message).toContain(
      "'content.vanished' is not a catalogued event type",
    );
    expect(parseClientMessage('{"type":"subscribe","events":[]}')).toMatchObject({ ok: false, code: "INVALID_FRAME" });
    expect(parseClientMessage('{"type":"resume","last_event_id":-3}')).toMatchObject({ ok: false });
    expect(parseClientMessage('{"type":"resume","last_event_id":"1e3"}')).toMatchObject({ ok: false });
    expect(parseClientMessage('{"type":"resume","last_event_id":1.5}')).toMatchObject({ ok: false });
  });
});

describe("event frames", () => {
  it("carry type, lord, event, data, event_id (the sequence) and timestamp", () => {
    expect(JSON.parse(eventFrame(event))).toEqual({
      type: "event",
      lord: "aesthete",
      event: "content.rejected",
      data: { content_id: "c-1", score: 61 },
      event_id: 42,
      timestamp: "2026-11-22T10:00:00.000Z",
    });
  });
});
