import { describe, expect, it } from "vitest";
import { eventTitle, summarizePayload } from "../../../../durable-objects/lords/herald/event-message.ts";
import { isTopic, topicsOf } from "../../../../durable-objects/lords/herald/topics.ts";
import { adapterFor, type Fetcher, slackText } from "../../../../shared/herald/adapters/index.ts";
import { heraldConfig } from "../../../../shared/herald/config.ts";
import { addressFor, type MemberContact, maskPhone } from "../../../../shared/herald/contacts.ts";

// Hand-checked cases for the Herald's own algorithms (rendering and escaping are the domain's,
// tested in test/unit/domain/herald).

const contact = (fields: Partial<MemberContact>): MemberContact => ({
  user_id: "u",
  email: null,
  phone: null,
  display_name: null,
  slack_user_id: null,
  ...fields,
});

describe("summarizePayload and eventTitle", () => {
  it("titles an event type as words", () => {
    expect(eventTitle("campaign.status_changed")).toBe("Campaign status changed");
    expect(eventTitle("api_key.revoked")).toBe("Api key revoked");
  });

  it("keeps scalar fields in order, drops ids and nested values, cuts values at 80 and stops at six", () => {
    const long = "x".repeat(100);
    expect(
      summarizePayload({
        campaign_id: "c",
        id: "i",
        name: "Spring",
        budget: 5000,
        active: true,
        tags: ["a"],
        owner: { id: 1 },
        note: long,
        a: 1,
        b: 2,
        c: 3,
        d: 4,
      }),
    ).toBe(`name: Spring; budget: 5000; active: true; note: ${"x".repeat(79)}…; a: 1; b: 2`);
    expect(summarizePayload({ case_ids: ["a"], resolved: false })).toBe("resolved: false");
    expect(summarizePayload({})).toBe("");
  });

  it("caps a whole summary at 400 characters", () => {
    const payload = Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((key) => [key, "y".repeat(90)]));
    const summary = summarizePayload(payload);
    // Six fields of "k: " + 79 y's + "…" = 83 each, joined by "; ": 6 × 83 + 5 × 2 = 508 → cut to 400.
    expect(summary).toHaveLength(400);
    expect(summary.endsWith("…")).toBe(true);
  });
});

describe("topics", () => {
  it("accepts event types, domain wildcards of the catalogue and channels; nothing else", () => {
    expect(["campaign.created", "campaign.*", "conflicts_channel", "conflict.*"].every(isTopic)).toBe(true);
    expect(["campaign.exploded", "galaxy.*", "campaign", "*", "guild_nowhere"].some(isTopic)).toBe(false);
  });

  it("lists an event's topics most specific first", () => {
    expect(topicsOf({ type: "conflict.resolved", channel: "conflicts_channel" })).toEqual([
      "conflict.resolved",
      "conflict.*",
      "conflicts_channel",
    ]);
  });
});

describe("addressFor and maskPhone", () => {
  it("masks all but +, two leading and three trailing digits", () => {
    expect(maskPhone("+15551234567")).toBe("+15••••••567");
    expect(maskPhone("+447911123456")).toBe("+44•••••••456");
    expect(maskPhone("+12345")).toBe("+12345");
  });

  it("reads Supabase's plus-less phone numbers as E.164 and refuses what is not", () => {
    expect(addressFor("sms", contact({ phone: "15551234567" }))).toEqual({
      ok: true,
      to: "+15551234567",
      shown: "+15••••••567",
    });
    expect(addressFor("sms", contact({ phone: "+44 (7911) 123-456" }))).toMatchObject({
      ok: true,
      to: "+447911123456",
    });
    expect(addressFor("sms", contact({ phone: "0800 FLOWERS" }))).toMatchObject({ ok: false });
    expect(addressFor("email", contact({ email: "not-an-address" }))).toMatchObject({ ok: false });
    expect(addressFor("email", contact({ email: "ana@acme.test" }))).toEqual({
      ok: true,
      to: "ana@acme.test",
      shown: "ana@acme.test",
    });
  });

  it("addresses Slack by member id, then display name, then email", () => {
    const full = contact({ slack_user_id: "U024BE7LH", display_name: "Ana", email: "ana@acme.test" });
    expect(addressFor("slack", full)).toMatchObject({ to: "U024BE7LH" });
    expect(addressFor("slack", { ...full, slack_user_id: null })).toMatchObject({ to: "Ana" });
    expect(addressFor("slack", contact({ email: "ana@acme.test" }))).toMatchObject({ to: "ana@acme.test" });
    expect(addressFor("slack", contact({}))).toMatchObject({ ok: false });
  });

  it("mentions a Slack member id, escapes a name and the subject, keeps the body as rendered", () => {
    expect(slackText({ to: "U024BE7LH", subject: "A & B", body: "*done* &amp;" })).toBe(
      "<@U024BE7LH> *A &amp; B*\n*done* &amp;",
    );
    expect(slackText({ to: "<script>", subject: null, body: "hi" })).toBe("&lt;script&gt; hi");
  });
});

describe("provider adapters", () => {
  const requests: { url: string; init: RequestInit }[] = [];
  const answer =
    (status: number, body: unknown): Fetcher =>
    async (url, init) => {
      requests.push({ url, init });
      return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
    };
  const message = {
    workspaceId: "w",
    notificationId: "n-1",
    to: "ana@acme.test",
    subject: "Hello",
    body: "<p>Hi</p>",
  };
  const configured = heraldConfig({
    ENVIRONMENT: "production",
    RESEND_API_KEY: "re_test_key",
    HERALD_EMAIL_FROM: "Herald <herald@acme.test>",
    SLACK_WEBHOOK_URL: "https://hooks.slack.com/services/T/B/X",
    TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
    TWILIO_AUTH_TOKEN: "twilio-token-1234",
    TWILIO_FROM_NUMBER: "+15550001111",
  });

  it("sends email through Resend with the notification as idempotency key", async () => {
    requests.length = 0;
    const adapter = adapterFor("email", configured, undefined as never, answer(200, { id: "re_123" }));
    expect(await adapter.send({ ...message, channel: "email" })).toEqual({
      provider: "resend",
      providerMessageId: "re_123",
    });
    const [request] = requests;
    expect(request?.url).toBe("https://api.resend.com/emails");
    expect(request?.init.headers).toMatchObject({
      authorization: "Bearer re_test_key",
      "idempotency-key": "herald/n-1",
    });
    expect(JSON.parse(String(request?.init.body))).toEqual({
      from: "Herald <herald@acme.test>",
      to: ["ana@acme.test"],
      subject: "Hello",
      html: "<p>Hi</p>",
    });
  });

  it("sends SMS through Twilio form-encoded with basic auth", async () => {
    requests.length = 0;
    const adapter = adapterFor("sms", configured, undefined as never, answer(201, { sid: "SM1" }));
    expect(await adapter.send({ ...message, channel: "sms", to: "+15551234567", body: "Hi & bye" })).toEqual({
      provider: "twilio",
      providerMessageId: "SM1",
    });
    const [request] = requests;
    expect(request?.url).toBe(`https://api.twilio.com/2010-04-01/Accounts/AC${"0".repeat(32)}/Messages.json`);
    expect(String(request?.init.body)).toBe("To=%2B15551234567&From=%2B15550001111&Body=Hi+%26+bye");
    expect(request?.init.headers).toMatchObject({
      authorization: `Basic ${btoa(`AC${"0".repeat(32)}:twilio-token-1234`)}`,
    });
  });

  it("classifies provider answers: 4xx permanent, 429 and 5xx retryable, network errors retryable", async () => {
    const slack = (fetcher: Fetcher) => adapterFor("slack", configured, undefined as never, fetcher);
    const send = (fetcher: Fetcher) => slack(fetcher).send({ ...message, channel: "slack", to: "U024BE7LH" });
    await expect(send(answer(200, "ok"))).resolves.toEqual({ provider: "slack_webhook", providerMessageId: null });
    await expect(send(answer(404, "channel_not_found"))).rejects.toMatchObject({
      permanent: true,
      message: "slack_webhook answered 404: channel_not_found",
    });
    await expect(send(answer(429, "rate_limited"))).rejects.toMatchObject({ permanent: false });
    await expect(send(answer(503, ""))).rejects.toMatchObject({
      permanent: false,
      message: "slack_webhook answered 503",
    });
    await expect(
      send(async () => {
        throw new TypeError("connection refused");
      }),
    ).rejects.toMatchObject({ permanent: false, message: "slack_webhook could not be reached: connection refused" });
  });

  it("outside local runs an unconfigured channel fails permanently, naming the missing secret", async () => {
    const bare = heraldConfig({ ENVIRONMENT: "production" });
    await expect(
      adapterFor("sms", bare, undefined as never).send({ ...message, channel: "sms" }),
    ).rejects.toMatchObject({ permanent: true, message: "The sms channel is not configured: set TWILIO_ACCOUNT_SID" });
    expect(
      adapterFor("email", heraldConfig({ ENVIRONMENT: "test", RESEND_API_KEY: "" }), undefined as never).provider,
    ).toBe("local_outbox");
  });

  it("validates provider secrets and names the bad ones", () => {
    expect(() => heraldConfig({ RESEND_API_KEY: "re_x" })).toThrow(
      "HERALD_EMAIL_FROM is required when RESEND_API_KEY is set",
    );
    expect(() => heraldConfig({ TWILIO_ACCOUNT_SID: `AC${"1".repeat(32)}` })).toThrow(
      "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER must be set together",
    );
    expect(() => heraldConfig({ SLACK_WEBHOOK_URL: "http://hooks.slack.com/x" })).toThrow(
      "SLACK_WEBHOOK_URL must be https",
    );
  });
});
