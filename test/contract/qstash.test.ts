/**
 * Contract tests of the QStash stand-in, driven through the official `@upstash/qstash` SDK.
 *
 * The target is chosen once, here: by default the local stand-in (with a signature-verifying
 * receiver); with `CONTRACT_TARGET=real` and `QSTASH_TOKEN`, `QSTASH_CURRENT_SIGNING_KEY`,
 * `QSTASH_NEXT_SIGNING_KEY` set, the management tests (publish, dedup, queues, DLQ listing,
 * schedules) run against real QStash instead and the delivery tests, which need a public
 * receiver, are skipped. `CONTRACT_TARGET=real` without credentials skips the whole suite.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client, Receiver } from "@upstash/qstash";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localRedisUrl, localSecrets } from "../../local-stack/defaults.ts";
import { startQStash } from "../../local-stack/qstash/index.ts";
import type { StandIn } from "../../local-stack/stand-in.ts";

interface Target {
  kind: "local" | "real";
  token: string;
  currentSigningKey: string;
  nextSigningKey: string;
  baseUrl?: string;
}

function chooseTarget(): Target | undefined {
  if (process.env.CONTRACT_TARGET !== "real") {
    return {
      kind: "local",
      token: localSecrets.QSTASH_TOKEN,
      currentSigningKey: localSecrets.QSTASH_CURRENT_SIGNING_KEY,
      nextSigningKey: localSecrets.QSTASH_NEXT_SIGNING_KEY,
    };
  }
  const { QSTASH_URL, QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY, QSTASH_NEXT_SIGNING_KEY } = process.env;
  if (!QSTASH_TOKEN || !QSTASH_CURRENT_SIGNING_KEY || !QSTASH_NEXT_SIGNING_KEY) return undefined;
  return {
    kind: "real",
    token: QSTASH_TOKEN,
    currentSigningKey: QSTASH_CURRENT_SIGNING_KEY,
    nextSigningKey: QSTASH_NEXT_SIGNING_KEY,
    baseUrl: QSTASH_URL ?? "https://qstash.upstash.io",
  };
}

const target = chooseTarget();
const isLocal = target?.kind === "local";
/** A destination that is never actually called: management tests publish to it with a long delay. */
const parkedDestination = `https://example.com/raptorflow-contract/${randomUUID()}`;
const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

/** Polls until `condition` holds, failing after `timeoutMs`. */
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Delivery {
  path: string;
  url: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  signature: string;
  verified: boolean;
  at: number;
}

/**
 * A destination for local deliveries that verifies every request with the SDK's `Receiver`.
 * Behaviour by path: `/fail/…` answers 500 until healed, `/flaky/{n}/…` fails its first n hits,
 * `/ordered/…` answers after a random pause (to expose reordering), anything else answers 200.
 */
class TestReceiver {
  readonly deliveries: Delivery[] = [];
  readonly healed = new Set<string>();
  maxConcurrentOrdered = 0;
  #activeOrdered = 0;
  #server: Server;
  #verifier: Receiver;
  baseUrl = "";

  constructor(keys: { currentSigningKey: string; nextSigningKey: string }) {
    this.#verifier = new Receiver(keys);
    this.#server = createServer((req, res) => {
      this.#handle(req.url ?? "/", req.method ?? "GET", req.headers, req).then(
        ({ status, body }) => res.writeHead(status).end(body),
        () => res.writeHead(500).end(),
      );
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.baseUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  to(path: string): Delivery[] {
    return this.deliveries.filter((delivery) => delivery.path === path);
  }

  async #handle(
    path: string,
    method: string,
    headers: IncomingHttpHeaders,
    stream: AsyncIterable<Buffer>,
  ): Promise<{ status: number; body: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString();
    const url = `${this.baseUrl}${path}`;
    const signature = String(headers["upstash-signature"] ?? "");
    const verified = await this.#verifier.verify({ signature, body, url }).then(
      () => true,
      () => false,
    );
    this.deliveries.push({ path, url, method, headers, body, signature, verified, at: Date.now() });
    const hits = this.to(path).length;
    if (path.startsWith("/fail/") && !this.healed.has(path)) return { status: 500, body: "boom" };
    const flaky = /^\/flaky\/(\d+)\//.exec(path);
    if (flaky && hits <= Number(flaky[1])) return { status: 503, body: `failure ${hits}` };
    if (path.startsWith("/ordered/")) {
      this.#activeOrdered += 1;
      this.maxConcurrentOrdered = Math.max(this.maxConcurrentOrdered, this.#activeOrdered);
      await sleep(Math.random() * 30);
      this.#activeOrdered -= 1;
    }
    return { status: 200, body: "ok" };
  }
}

describe.skipIf(!target)(`QStash contract (${target?.kind ?? "skipped: no credentials"})`, () => {
  const settings = target!;
  const keyPrefix = `contract-${randomUUID()}`;
  let standIn: StandIn | undefined;
  let client: Client;

  /** The stand-in as tests run it: ephemeral port, own namespace, fast retries, second-resolution cron. */
  const startLocal = (port: number) =>
    startQStash({
      port,
      redisUrl: localRedisUrl,
      token: settings.token,
      currentSigningKey: settings.currentSigningKey,
      nextSigningKey: settings.nextSigningKey,
      backoffScale: 0.001,
      keyPrefix,
      cronGranularity: "second",
    });

  /** Drops the namespace this run used, so the shared Redis does not accumulate test state. */
  const dropNamespace = async () => {
    const redis = new Redis(localRedisUrl);
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `qstash:${keyPrefix}:*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
    await redis.quit();
  };

  beforeAll(async () => {
    // The SDK logs every non-2xx answer; the 401s and 404s asserted below are expected.
    const logError = console.error.bind(console);
    vi.spyOn(console, "error").mockImplementation((first?: unknown, ...rest: unknown[]) => {
      if (typeof first === "string" && first.startsWith("[Upstash QStash]")) return;
      logError(first, ...rest);
    });
    if (isLocal) standIn = await startLocal(0);
    const baseUrl = standIn?.url ?? settings.baseUrl!;
    client = new Client({ baseUrl, token: settings.token, retry: false, enableTelemetry: false });
  });

  afterAll(async () => {
    await standIn?.close();
    if (isLocal) await dropNamespace();
    vi.restoreAllMocks();
  });

  describe("management API", () => {
    it("publishes a delayed message, reads it back and cancels it", async () => {
      const { messageId } = await client.publishJSON({
        url: parkedDestination,
        body: { hello: "world" },
        delay: 86_400,
        headers: { "x-trace": "abc" },
      });
      expect(messageId).toMatch(/^msg_/);

      const message = await client.messages.get(messageId);
      expect(message).toMatchObject({ messageId, url: parkedDestination, method: "POST", body: '{"hello":"world"}' });
      expect(message.header?.["X-Trace"]).toEqual(["abc"]);
      expect(message.notBefore).toBeGreaterThan(Date.now() + 86_000_000);

      expect(await client.messages.cancel(messageId)).toEqual({ cancelled: 1 });
      await expect(client.messages.get(messageId)).rejects.toMatchObject({ status: 404 });
    });

    it("deduplicates by Upstash-Deduplication-Id", async () => {
      const deduplicationId = unique("dedup");
      const publishOnce = () =>
        client.publishJSON({ url: parkedDestination, body: { n: 1 }, delay: 86_400, deduplicationId });
      const first = await publishOnce();
      const second = await publishOnce();
      expect(first.deduplicated).toBeFalsy();
      expect(second).toMatchObject({ messageId: first.messageId, deduplicated: true });
      await client.messages.cancel(first.messageId);
    });

    it("creates, reads, pauses, resumes and deletes a queue", async () => {
      const queue = client.queue({ queueName: unique("queue") });
      await queue.upsert({ parallelism: 2 });
      expect(await queue.get()).toMatchObject({ parallelism: 2, paused: false, lag: 0 });
      expect((await queue.list()).map((q) => q.name)).toContain((await queue.get()).name);

      await queue.pause();
      expect((await queue.get()).paused).toBe(true);
      await queue.resume();
      expect((await queue.get()).paused).toBe(false);

      await queue.delete();
      await expect(queue.get()).rejects.toMatchObject({ status: 404 });
    });

    it("lists the DLQ in QStash's shape", async () => {
      const { messages } = await client.dlq.listMessages();
      expect(Array.isArray(messages)).toBe(true);
    });

    it("creates, reads, pauses, resumes and deletes a schedule", async () => {
      const scheduleId = unique("schedule");
      // 1 January, midnight: never fires while the test runs.
      const created = await client.schedules.create({
        destination: parkedDestination,
        cron: "0 0 1 1 *",
        scheduleId,
        body: JSON.stringify({ scheduled: true }),
        retries: 1,
      });
      expect(created).toEqual({ scheduleId });

      const schedule = await client.schedules.get(scheduleId);
      expect(schedule).toMatchObject({
        scheduleId,
        cron: "0 0 1 1 *",
        destination: parkedDestination,
        isPaused: false,
        retries: 1,
      });
      expect((await client.schedules.list()).map((s) => s.scheduleId)).toContain(scheduleId);

      await client.schedules.pause({ schedule: scheduleId });
      expect((await client.schedules.get(scheduleId)).isPaused).toBe(true);
      await client.schedules.resume({ schedule: scheduleId });
      expect((await client.schedules.get(scheduleId)).isPaused).toBe(false);

      await client.schedules.delete(scheduleId);
      await expect(client.schedules.get(scheduleId)).rejects.toMatchObject({ status: 404 });
    });

    it("rejects a wrong token with 401", async () => {
      const intruder = new Client({
        baseUrl: standIn?.url ?? settings.baseUrl!,
        token: "not-the-token",
        retry: false,
        enableTelemetry: false,
      });
      await expect(intruder.publishJSON({ url: parkedDestination, body: {} })).rejects.toMatchObject({ status: 401 });
      await expect(intruder.queue().list()).rejects.toMatchObject({ status: 401 });
    });
  });

  describe.skipIf(!isLocal)("delivery (local stand-in)", () => {
    let receiver: TestReceiver;
    const path = (kind: string) => `/${kind}/${randomUUID().slice(0, 8)}`;
    const url = (p: string) => `${receiver.baseUrl}${p}`;

    beforeAll(async () => {
      receiver = new TestReceiver(settings);
      await receiver.start();
    });
    afterAll(() => receiver.close());

    it("delivers publishJSON with the body, forwarded headers and a valid signature", async () => {
      const p = path("ok");
      const { messageId } = await client.publishJSON({
        url: url(p),
        body: { order: 42 },
        headers: { "x-tenant": "t1" },
      });
      await waitFor(() => receiver.to(p).length === 1);

      const [delivery] = receiver.to(p);
      expect(delivery).toMatchObject({ method: "POST", body: '{"order":42}', verified: true });
      expect(delivery!.headers).toMatchObject({
        "content-type": "application/json",
        "x-tenant": "t1",
        "upstash-message-id": messageId,
        "upstash-retried": "0",
        "user-agent": "Upstash-QStash",
      });
      await waitFor(async () => (await client.logs({ messageIds: [messageId] })).logs[0]?.state === "DELIVERED");
    });

    it("honours Upstash-Method and plain-text bodies", async () => {
      const p = path("ok");
      await client.publish({ url: url(p), body: "plain", method: "PUT", headers: { "content-type": "text/plain" } });
      await waitFor(() => receiver.to(p).length === 1);
      expect(receiver.to(p)[0]).toMatchObject({ method: "PUT", body: "plain", verified: true });
    });

    it("waits out Upstash-Delay", async () => {
      const p = path("ok");
      const publishedAt = Date.now();
      await client.publishJSON({ url: url(p), body: {}, delay: 1 });
      await sleep(500);
      expect(receiver.to(p)).toHaveLength(0);
      await waitFor(() => receiver.to(p).length === 1);
      expect(receiver.to(p)[0]!.at - publishedAt).toBeGreaterThanOrEqual(950);
    });

    it("delivers a deduplicated message once", async () => {
      const p = path("ok");
      const deduplicationId = unique("once");
      const first = await client.publishJSON({ url: url(p), body: { n: 1 }, deduplicationId });
      const second = await client.publishJSON({ url: url(p), body: { n: 2 }, deduplicationId });
      expect(second).toMatchObject({ messageId: first.messageId, deduplicated: true });
      await waitFor(() => receiver.to(p).length === 1);
      await sleep(200);
      expect(receiver.to(p).map((d) => d.body)).toEqual(['{"n":1}']);
    });

    it("deduplicates by content when asked", async () => {
      const p = path("ok");
      const send = (n: number) => client.publishJSON({ url: url(p), body: { n }, contentBasedDeduplication: true });
      const first = await send(1);
      expect(await send(1)).toMatchObject({ messageId: first.messageId, deduplicated: true });
      expect((await send(2)).deduplicated).toBeFalsy();
      await waitFor(() => receiver.to(p).length === 2);
      await sleep(200);
      expect(receiver.to(p)).toHaveLength(2);
    });

    it("retries a failing destination with Upstash-Retried 0, 1, 2 until it succeeds", async () => {
      const p = path("flaky/2");
      const { messageId } = await client.publishJSON({ url: url(p), body: { job: "sync" }, retries: 3 });
      await waitFor(async () => (await client.logs({ messageIds: [messageId] })).logs[0]?.state === "DELIVERED");

      const deliveries = receiver.to(p);
      expect(deliveries.map((d) => d.headers["upstash-retried"])).toEqual(["0", "1", "2"]);
      expect(deliveries.every((d) => d.verified && d.body === '{"job":"sync"}')).toBe(true);
      const states = (await client.logs({ messageIds: [messageId] })).logs.map((log) => log.state).reverse();
      expect(states).toEqual([
        "CREATED",
        "ACTIVE",
        "ERROR",
        "RETRY",
        "ACTIVE",
        "ERROR",
        "RETRY",
        "ACTIVE",
        "DELIVERED",
      ]);
    });

    it("moves an exhausted message to the DLQ and replays it from there", async () => {
      const p = path("fail");
      const { messageId } = await client.publishJSON({ url: url(p), body: { job: "bill" }, retries: 2 });
      const inDlq = async () => (await client.dlq.listMessages({ filter: { url: url(p) } })).messages;
      await waitFor(async () => (await inDlq()).length === 1);

      const [entry] = await inDlq();
      expect(entry).toMatchObject({ messageId, url: url(p), responseStatus: 500, responseBody: "boom", maxRetries: 2 });
      expect(receiver.to(p).map((d) => d.headers["upstash-retried"])).toEqual(["0", "1", "2"]);
      const logs = (await client.logs({ messageIds: [messageId] })).logs;
      expect(logs[0]?.state).toBe("FAILED");

      const fetched = await fetch(`${standIn!.url}/v2/dlq/${entry!.dlqId}`, {
        headers: { authorization: `Bearer ${settings.token}` },
      });
      expect(await fetched.json()).toMatchObject({ dlqId: entry!.dlqId, messageId });

      receiver.healed.add(p);
      const { responses } = await client.dlq.retry(entry!.dlqId);
      expect(responses).toHaveLength(1);
      expect(responses[0]!.messageId).not.toBe(messageId);
      await waitFor(() => receiver.to(p).length === 4);
      expect(receiver.to(p)[3]).toMatchObject({ body: '{"job":"bill"}', verified: true });
      expect(await inDlq()).toHaveLength(0);
    });

    it("pages through the DLQ with a cursor and deletes one or many entries", async () => {
      const p = path("fail");
      for (const n of [1, 2, 3]) await client.publishJSON({ url: url(p), body: { n }, retries: 0 });
      const filter = { url: url(p) };
      await waitFor(async () => (await client.dlq.listMessages({ filter })).messages.length === 3);

      const first = await client.dlq.listMessages({ filter, count: 2 });
      expect(first.messages).toHaveLength(2);
      expect(first.cursor).toBeTruthy();
      const second = await client.dlq.listMessages({ filter, count: 2, cursor: first.cursor });
      expect(second.messages).toHaveLength(1);
      expect(second.cursor).toBeFalsy();

      const ids = [...first.messages, ...second.messages].map((m) => m.dlqId);
      expect(new Set(ids).size).toBe(3);
      expect(await client.dlq.delete(ids[0]!)).toEqual({ deleted: 1 });
      expect((await client.dlq.delete(ids.slice(1))).deleted).toBe(2);
      expect((await client.dlq.listMessages({ filter })).messages).toHaveLength(0);
    });

    it("calls the success callback with the response, signed for the callback URL", async () => {
      const p = path("ok");
      const callback = path("callback");
      const { messageId } = await client.publishJSON({ url: url(p), body: { a: 1 }, callback: url(callback) });
      await waitFor(() => receiver.to(callback).length === 1);

      const [delivery] = receiver.to(callback);
      expect(delivery!.verified).toBe(true);
      const payload = JSON.parse(delivery!.body);
      expect(payload).toMatchObject({
        status: 200,
        retried: 0,
        maxRetries: 3,
        sourceMessageId: messageId,
        url: url(p),
        method: "POST",
      });
      expect(Buffer.from(payload.body, "base64").toString()).toBe("ok");
      expect(Buffer.from(payload.sourceBody, "base64").toString()).toBe('{"a":1}');
    });

    it("calls the failure callback with the DLQ id once retries are exhausted", async () => {
      const p = path("fail");
      const failure = path("callback");
      const { messageId } = await client.publishJSON({
        url: url(p),
        body: { a: 2 },
        retries: 1,
        failureCallback: url(failure),
      });
      await waitFor(() => receiver.to(failure).length === 1);

      const [delivery] = receiver.to(failure);
      expect(delivery!.verified).toBe(true);
      const payload = JSON.parse(delivery!.body);
      expect(payload).toMatchObject({ status: 500, retried: 1, maxRetries: 1, sourceMessageId: messageId });
      const { messages } = await client.dlq.listMessages({ filter: { url: url(p) } });
      expect(payload.dlqId).toBe(messages[0]?.dlqId);
    });

    it("keeps a queue with parallelism 1 in FIFO order, and holds it while paused", async () => {
      const queue = client.queue({ queueName: unique("fifo") });
      await queue.upsert({ parallelism: 1 });
      const p = path("ordered");
      for (let n = 0; n < 8; n++) await queue.enqueueJSON({ url: url(p), body: { n } });
      await waitFor(() => receiver.to(p).length === 8);
      expect(receiver.to(p).map((d) => JSON.parse(d.body).n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(receiver.maxConcurrentOrdered).toBe(1);

      await queue.pause();
      const held = path("ok");
      await queue.enqueueJSON({ url: url(held), body: {} });
      await sleep(300);
      expect(receiver.to(held)).toHaveLength(0);
      expect((await queue.get()).lag).toBe(1);
      await queue.resume();
      await waitFor(() => receiver.to(held).length === 1);
      await queue.delete();
    });

    it("publishes a batch, including a queued entry", async () => {
      const [a, b, c] = [path("ok"), path("ok"), path("ok")];
      const results = await client.batchJSON([
        { url: url(a), body: { n: "a" } },
        { url: url(b), body: { n: "b" }, delay: 0 },
        { url: url(c), body: { n: "c" }, queueName: unique("batch") },
      ]);
      expect(results).toHaveLength(3);
      expect(new Set(results.map((r) => r.messageId)).size).toBe(3);
      await waitFor(() => [a, b, c].every((x) => receiver.to(x).length === 1));
      expect(receiver.to(c)[0]).toMatchObject({ body: '{"n":"c"}', verified: true });
    });

    it("fires a schedule (cron counted in seconds here) with Upstash-Schedule-Id", async () => {
      const p = path("ok");
      const { scheduleId } = await client.schedules.create({ destination: url(p), cron: "* * * * *" });
      await waitFor(() => receiver.to(p).length >= 1, 3_000);
      expect(receiver.to(p)[0]).toMatchObject({ verified: true });
      expect(receiver.to(p)[0]!.headers["upstash-schedule-id"]).toBe(scheduleId);

      await waitFor(async () => (await client.schedules.get(scheduleId)).lastScheduleTime !== undefined);
      await client.schedules.pause({ schedule: scheduleId });
      await sleep(200); // a run claimed just before the pause may still land
      const seen = receiver.to(p).length;
      await sleep(1_500);
      expect(receiver.to(p)).toHaveLength(seen);
      await client.schedules.delete(scheduleId);
    });

    it("cancels a pending message before it is delivered", async () => {
      const p = path("ok");
      const { messageId } = await client.publishJSON({ url: url(p), body: {}, delay: 1 });
      expect(await client.messages.cancel(messageId)).toEqual({ cancelled: 1 });
      await sleep(1_300);
      expect(receiver.to(p)).toHaveLength(0);
      expect((await client.logs({ messageIds: [messageId] })).logs[0]?.state).toBe("CANCELED");
    });

    it("produces signatures that fail verification once body, signature, URL or keys change", async () => {
      const p = path("ok");
      await client.publishJSON({ url: url(p), body: { amount: 10 } });
      await waitFor(() => receiver.to(p).length === 1);
      const { signature, body, url: signedUrl, verified } = receiver.to(p)[0]!;
      expect(verified).toBe(true);

      const genuine = new Receiver(settings);
      await expect(genuine.verify({ signature, body, url: signedUrl })).resolves.toBe(true);
      await expect(genuine.verify({ signature, body: '{"amount":1000}', url: signedUrl })).rejects.toThrow();
      const [header, claims, mac] = signature.split(".");
      const forgedMac = `${mac!.startsWith("A") ? "B" : "A"}${mac!.slice(1)}`;
      await expect(
        genuine.verify({ signature: `${header}.${claims}.${forgedMac}`, body, url: signedUrl }),
      ).rejects.toThrow();
      await expect(genuine.verify({ signature, body, url: `${signedUrl}/elsewhere` })).rejects.toThrow();
      const stranger = new Receiver({ currentSigningKey: "sig_not_ours", nextSigningKey: "sig_not_ours_either" });
      await expect(stranger.verify({ signature, body, url: signedUrl })).rejects.toThrow();
    });

    it("accepts the token as ?qstash_token= too", async () => {
      const response = await fetch(`${standIn!.url}/v2/queues?qstash_token=${encodeURIComponent(settings.token)}`);
      expect(response.status).toBe(200);
      expect((await fetch(`${standIn!.url}/v2/queues?qstash_token=wrong`)).status).toBe(401);
    });

    it("resumes a delayed delivery after a restart on the same Redis namespace", async () => {
      const p = path("ok");
      await client.publishJSON({ url: url(p), body: { survived: true }, delay: 1 });
      const port = standIn!.port;
      await standIn!.close();
      standIn = await startLocal(port);
      await waitFor(() => receiver.to(p).length === 1, 4_000);
      expect(receiver.to(p)[0]).toMatchObject({ body: '{"survived":true}', verified: true });
      await sleep(200);
      expect(receiver.to(p)).toHaveLength(1);
    });
  });
});
