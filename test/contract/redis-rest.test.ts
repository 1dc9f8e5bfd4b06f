import { createHash, randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis, type RedisConfigNodejs } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localRedisUrl, localSecrets } from "../../local-stack/defaults.ts";
import { startRedisRest } from "../../local-stack/redis-rest/index.ts";
import type { StandIn } from "../../local-stack/stand-in.ts";

/**
 * The same suite runs against the local stand-in (default) or, when CONTRACT_TARGET=real and
 * UPSTASH_REDIS_REST_URL / UPSTASH_REDIS_REST_TOKEN are set, against the real Upstash service.
 * Stand-in-only checks are skipped in real mode; the real-mode marker is skipped otherwise.
 */
const realTarget =
  process.env.CONTRACT_TARGET === "real" && process.env.UPSTASH_REDIS_REST_URL && process.env.UPSTASH_REDIS_REST_TOKEN
    ? { url: process.env.UPSTASH_REDIS_REST_URL, token: process.env.UPSTASH_REDIS_REST_TOKEN }
    : undefined;
const isReal = realTarget !== undefined;

// A fresh prefix per run, so concurrent runs against one Redis never see each other's keys.
const prefix = `contract:redis-rest:${randomUUID()}`;
const key = (name: string) => `${prefix}:${name}`;

let standIn: StandIn | undefined;
let url = "";
let token = "";
/** The SDK as the app uses it: base64 responses and auto-pipelining on (both SDK defaults). */
let redis: Redis;
/** One HTTP request per command (`POST /`), to exercise the single-command path. */
let direct: Redis;

function client(options: Partial<RedisConfigNodejs> = {}): Redis {
  return new Redis({ url, token, enableTelemetry: false, ...options });
}

/** A raw REST request with the right token, for what the SDK does not expose. */
function rest(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${token}`);
  return fetch(`${url}${path}`, { ...init, headers });
}

const enc = encodeURIComponent;

beforeAll(async () => {
  if (realTarget) {
    ({ url, token } = realTarget);
  } else {
    token = localSecrets.UPSTASH_REDIS_REST_TOKEN;
    standIn = await startRedisRest({ port: 0, redisUrl: localRedisUrl, token });
    url = standIn.url;
  }
  redis = client();
  direct = client({ enableAutoPipelining: false });
});

afterAll(async () => {
  if (redis) {
    let cursor = "0";
    do {
      const [next, keys] = await direct.scan(cursor, { match: `${prefix}:*`, count: 500 });
      if (keys.length > 0) await direct.del(...keys);
      cursor = String(next);
    } while (cursor !== "0");
  }
  await standIn?.close();
});

describe(`Upstash Redis REST contract against the ${isReal ? "real Upstash service" : "local stand-in"}`, () => {
  it.skipIf(!isReal)("real mode: targets UPSTASH_REDIS_REST_URL (skipped unless CONTRACT_TARGET=real)", () => {
    expect(url).toMatch(/^https:\/\//);
  });

  describe("data types through the SDK", () => {
    it("strings: SET with EX, GET, INCR, EXPIRE and TTL", async () => {
      const greeting = key("string:greeting");
      const counter = key("string:counter");
      expect(await redis.set(greeting, "hello", { ex: 100 })).toBe("OK");
      expect(await redis.get(greeting)).toBe("hello");
      expect(await redis.ttl(greeting)).toBeGreaterThan(90);
      expect(await redis.incr(counter)).toBe(1);
      expect(await redis.incrby(counter, 41)).toBe(42);
      expect(await redis.ttl(counter)).toBe(-1);
      expect(await redis.expire(counter, 50)).toBe(1);
      const ttl = await redis.ttl(counter);
      expect(ttl).toBeGreaterThan(40);
      expect(ttl).toBeLessThanOrEqual(50);
      expect(await redis.get(key("string:missing"))).toBeNull();
    });

    it("hashes: fields come back deserialised, nested objects included", async () => {
      const hash = key("hash:user");
      expect(await redis.hset(hash, { name: "Ada", age: 36, profile: { langs: ["ts", "lua"] } })).toBe(3);
      expect(await redis.hget(hash, "name")).toBe("Ada");
      expect(await redis.hget(hash, "profile")).toEqual({ langs: ["ts", "lua"] });
      expect(await redis.hincrby(hash, "age", 1)).toBe(37);
      expect(await redis.hgetall(hash)).toEqual({ name: "Ada", age: 37, profile: { langs: ["ts", "lua"] } });
      expect(await redis.hkeys(hash)).toEqual(["name", "age", "profile"]);
    });

    it("lists: push, range, pop and length", async () => {
      const list = key("list:queue");
      expect(await redis.rpush(list, "b", "c")).toBe(2);
      expect(await redis.lpush(list, "a")).toBe(3);
      expect(await redis.lrange(list, 0, -1)).toEqual(["a", "b", "c"]);
      expect(await redis.lpop(list)).toBe("a");
      expect(await redis.llen(list)).toBe(2);
    });

    it("sets: add, membership and members", async () => {
      const set = key("set:tags");
      expect(await redis.sadd(set, "red", "green", "blue")).toBe(3);
      expect(await redis.sadd(set, "red")).toBe(0);
      expect(await redis.sismember(set, "green")).toBe(1);
      expect((await redis.smembers(set)).sort()).toEqual(["blue", "green", "red"]);
      expect(await redis.scard(set)).toBe(3);
    });

    it("sorted sets: scores, ranges with scores and increments", async () => {
      const board = key("zset:board");
      expect(await redis.zadd(board, { score: 10, member: "ada" }, { score: 2.5, member: "bob" })).toBe(2);
      expect(await redis.zscore(board, "bob")).toBe(2.5);
      expect(await redis.zincrby(board, 20, "bob")).toBe(22.5);
      expect(await redis.zrange(board, 0, -1, { withScores: true })).toEqual(["ada", 10, "bob", 22.5]);
      expect(await redis.zrank(board, "bob")).toBe(1);
    });

    it("objects are JSON-serialised on write and parsed back on read", async () => {
      const doc = key("json:doc");
      const value = { title: "Plan", steps: [1, "two", null], done: false, owner: { id: 7 } };
      expect(await redis.set(doc, value)).toBe("OK");
      expect(await redis.get(doc)).toEqual(value);
      expect(await direct.get(doc)).toEqual(value);
    });

    it("SCAN with MATCH returns only the matching keys", async () => {
      await Promise.all([1, 2, 3, 4, 5].map((n) => redis.set(key(`scan:match:${n}`), n)));
      await redis.set(key("scan:other"), 0);
      const found = new Set<string>();
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, { match: key("scan:match:*"), count: 100 });
        for (const k of keys) found.add(k);
        cursor = String(next);
      } while (cursor !== "0");
      expect([...found].sort()).toEqual([1, 2, 3, 4, 5].map((n) => key(`scan:match:${n}`)));
    });
  });

  describe("pipelines and transactions", () => {
    it("a pipeline runs in order and one failing command does not stop the rest", async () => {
      const counter = key("pipeline:counter");
      expect(await redis.pipeline().set(counter, 1).incr(counter).get(counter).exec()).toEqual(["OK", 2, 2]);

      const text = key("pipeline:text");
      const outcomes = await redis.pipeline().set(text, "words").hget(text, "f").get(text).exec({ keepErrors: true });
      expect(outcomes[0]).toEqual({ result: "OK", error: undefined });
      expect(outcomes[1]?.error).toMatch(/^WRONGTYPE/);
      expect(outcomes[2]).toEqual({ result: "words", error: undefined });
      await expect(redis.pipeline().hget(text, "f").exec()).rejects.toThrow(/WRONGTYPE/);
    });

    it("multi-exec runs the commands as one transaction and reports runtime errors per command", async () => {
      const counter = key("multi:counter");
      expect(await redis.multi().set(counter, 1).incr(counter).incrby(counter, 5).get(counter).exec()).toEqual([
        "OK",
        2,
        7,
        7,
      ]);

      const text = key("multi:text");
      const outcomes = await redis.multi().set(text, "words").hget(text, "f").get(text).exec({ keepErrors: true });
      expect(outcomes[1]?.error).toMatch(/^WRONGTYPE/);
      expect(outcomes[2]?.result).toBe("words");
    });
  });

  describe("response encoding", () => {
    it("base64 is the SDK default and encodes strings only; integers and nil stay as they are", async () => {
      const name = key("encoding:name");
      const count = key("encoding:count");
      const base64 = { "Upstash-Encoding": "base64" };
      const set = await rest("/", { method: "POST", headers: base64, body: JSON.stringify(["set", name, "héllo"]) });
      expect(await set.json()).toEqual({ result: "OK" });
      await redis.set(count, 5);
      const read = await rest("/", {
        method: "POST",
        headers: base64,
        body: JSON.stringify(["mget", name, count, key("encoding:missing")]),
      });
      expect(await read.json()).toEqual({
        result: [Buffer.from("héllo").toString("base64"), Buffer.from("5").toString("base64"), null],
      });
      const incr = await rest("/", { method: "POST", headers: base64, body: JSON.stringify(["incr", count]) });
      expect(await incr.json()).toEqual({ result: 6 });
      const plain = await rest("/", { method: "POST", body: JSON.stringify(["get", name]) });
      expect(await plain.json()).toEqual({ result: "héllo" });
    });

    it("responseEncoding: false reads the same values as the base64 default", async () => {
      const plainClient = client({ responseEncoding: false });
      const doc = key("encoding:doc");
      await plainClient.set(doc, { emoji: "🦖", text: "naïve — 日本語" });
      expect(await plainClient.get(doc)).toEqual({ emoji: "🦖", text: "naïve — 日本語" });
      expect(await redis.get(doc)).toEqual({ emoji: "🦖", text: "naïve — 日本語" });
      expect(await plainClient.hset(key("encoding:hash"), { a: "ünï" })).toBe(1);
      expect(await plainClient.hgetall(key("encoding:hash"))).toEqual({ a: "ünï" });
    });

    it("unicode and control characters round-trip through the SDK", async () => {
      const k = key("encoding:unicode");
      const value = 'tab\tnewline\nquote" backslash\\ nul\u0000 🦖 日本語 ﬃ';
      await redis.set(k, value);
      expect(await redis.get(k)).toBe(value);
      expect(await client({ responseEncoding: false }).get(k)).toBe(value);
      expect(await redis.strlen(k)).toBe(Buffer.byteLength(value));
    });

    it("binary values round-trip byte for byte: POST body in, base64 out", async () => {
      const k = key("encoding:binary");
      const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0x22, 0x5c, 0xc3, 0x28]);
      const set = await rest(`/set/${enc(k)}`, { method: "POST", body: bytes });
      expect(await set.json()).toEqual({ result: "OK" });
      const get = await rest(`/get/${enc(k)}`, { headers: { "Upstash-Encoding": "base64" } });
      expect(await get.json()).toEqual({ result: bytes.toString("base64") });
      const length = await rest(`/strlen/${enc(k)}`, { headers: { "Upstash-Encoding": "base64" } });
      expect(await length.json()).toEqual({ result: bytes.length });
    });
  });

  describe("path-style commands and auth", () => {
    it("path segments are URL-decoded and a POST body is the last argument, query options after it", async () => {
      const k = key("path:a b/c");
      expect(await (await rest(`/set/${enc(k)}/${enc("x/y z")}`)).json()).toEqual({ result: "OK" });
      expect(await (await rest(`/get/${enc(k)}`)).json()).toEqual({ result: "x/y z" });
      const posted = await rest(`/set/${enc(k)}?EX=100`, { method: "POST", body: '{"json":true}' });
      expect(await posted.json()).toEqual({ result: "OK" });
      expect(await redis.get(k)).toEqual({ json: true });
      expect(await redis.ttl(k)).toBeGreaterThan(90);
    });

    it("the token is accepted as ?_token= too", async () => {
      const res = await fetch(`${url}/get/${enc(key("auth:missing"))}?_token=${enc(token)}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ result: null });
    });

    it("a wrong or missing token is refused with 401 and the SDK throws", async () => {
      const intruder = client({ token: "wrong-token" });
      await expect(intruder.get(key("auth:x"))).rejects.toThrow();
      await expect(intruder.set(key("auth:x"), "v")).rejects.toThrow();
      expect(await redis.get(key("auth:x"))).toBeNull();
      const wrong = await rest("/get/x", { headers: { authorization: "Bearer wrong-token" } });
      expect(wrong.status).toBe(401);
      const missing = await fetch(`${url}/get/x`);
      expect(missing.status).toBe(401);
      if (!isReal) expect(await missing.json()).toEqual({ error: "Unauthorized" });
    });

    it("a Redis error surfaces as an error: 400 with Redis's text, thrown by the SDK", async () => {
      const text = key("errors:text");
      await redis.set(text, "words");
      await expect(redis.hget(text, "f")).rejects.toThrow(/WRONGTYPE/);
      await expect(direct.hget(text, "f")).rejects.toThrow(/WRONGTYPE/);
      await expect(direct.incr(text)).rejects.toThrow(/not an integer/);
      const res = await rest("/", { method: "POST", body: JSON.stringify(["hget", text, "f"]) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^WRONGTYPE/);
    });
  });

  describe("Lua scripts", () => {
    it("eval, scriptLoad and evalsha run scripts; an unknown sha is NOSCRIPT", async () => {
      const k = key("script:value");
      expect(await redis.eval("return redis.call('SET', KEYS[1], ARGV[1])", [k], ["stored"])).toBe("OK");
      const sha = await redis.scriptLoad("return {KEYS[1], ARGV[1], tonumber(ARGV[2]) * 2}");
      expect(sha).toMatch(/^[0-9a-f]{40}$/);
      expect(await redis.evalsha(sha, [k], ["hello", "21"])).toEqual([k, "hello", 42]);
      expect(await direct.evalsha(sha, [k], ["again", "1"])).toEqual([k, "again", 2]);
      await expect(redis.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
    });

    it("scripts flagged for Upstash (allow-key-locking) load and run under their own sha1", async () => {
      const k = key("script:flagged");
      const source = "#!lua flags=allow-key-locking\nreturn redis.call('INCR', KEYS[1])";
      const sha = await redis.scriptLoad(source);
      expect(sha).toBe(createHash("sha1").update(source).digest("hex"));
      expect(await redis.evalsha(sha, [k], [])).toBe(1);
      expect(await redis.eval(source, [k], [])).toBe(2);
      const script = redis.createScript<number>(`${source}\n-- createScript`);
      expect(await script.exec([k], [])).toBe(3);
      expect(await script.exec([k], [])).toBe(4);
    });
  });

  describe("@upstash/ratelimit", () => {
    // Hour-long windows so a window boundary never falls inside the test.
    it.each([
      ["slidingWindow", () => Ratelimit.slidingWindow(3, "1 h")],
      ["fixedWindow", () => Ratelimit.fixedWindow(3, "1 h")],
      ["tokenBucket", () => Ratelimit.tokenBucket(1, "1 h", 3)],
    ])("Ratelimit.%s allows 3 requests, then refuses with a reset time", async (name, limiter) => {
      const ratelimit = new Ratelimit({
        redis,
        limiter: limiter(),
        prefix: key(`ratelimit:${name}`),
        ephemeralCache: false,
      });
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await ratelimit.limit("user-1"));
      await Promise.all(results.map((result) => result.pending));
      expect(results.map((result) => result.success)).toEqual([true, true, true, false]);
      // A timeout would also report success; make sure every answer came from Redis.
      expect(results.map((result) => result.reason)).toEqual([undefined, undefined, undefined, undefined]);
      const refused = results[3]!;
      expect(refused.limit).toBe(3);
      expect(refused.remaining).toBe(0);
      expect(refused.reset).toBeGreaterThan(Date.now());
      expect((await ratelimit.limit("user-2")).success).toBe(true);
    });
  });

  describe.skipIf(isReal)("stand-in only", () => {
    it("writes land in the Redis behind the stand-in", async () => {
      const k = key("standin:visible");
      await redis.hset(k, { a: 1 });
      const ioredis = new IORedis(localRedisUrl, { lazyConnect: true });
      await ioredis.connect();
      try {
        expect(await ioredis.hget(k, "a")).toBe("1");
      } finally {
        await ioredis.quit();
      }
    });

    it("blocking and subscribe commands are refused with a clear 400", async () => {
      const blpop = await rest("/", { method: "POST", body: JSON.stringify(["blpop", key("standin:list"), 0]) });
      expect(blpop.status).toBe(400);
      expect(((await blpop.json()) as { error: string }).error).toMatch(/blocking command 'blpop'/);
      const xread = await rest(`/xread/BLOCK/0/STREAMS/${enc(key("standin:stream"))}/$`);
      expect(xread.status).toBe(400);
      const subscribe = await rest("/subscribe/chan");
      expect(subscribe.status).toBe(400);
      expect(((await subscribe.json()) as { error: string }).error).toMatch(/streaming/);
      const inPipeline = await rest("/pipeline", {
        method: "POST",
        body: JSON.stringify([["brpop", "x", 1], ["ping"]]),
      });
      expect(await inPipeline.json()).toEqual([{ error: expect.stringMatching(/blocking/) }, { result: "PONG" }]);
    });

    it("a command Redis refuses to queue aborts the whole transaction with a 400", async () => {
      const k = key("standin:aborted");
      const res = await rest("/multi-exec", {
        method: "POST",
        body: JSON.stringify([["set", k, "v"], ["nosuchcommand"]]),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^EXECABORT/);
      expect(await redis.get(k)).toBeNull();
    });

    it("unknown paths and methods get JSON errors", async () => {
      const root = await rest("/");
      expect(root.status).toBe(404);
      expect(await root.json()).toHaveProperty("error");
      expect((await rest("/pipeline/extra", { method: "POST", body: "[]" })).status).toBe(404);
      expect((await rest("/pipeline")).status).toBe(405);
      expect((await rest("/", { method: "DELETE" })).status).toBe(405);
      const badJson = await rest("/", { method: "POST", body: "{not json" });
      expect(badJson.status).toBe(400);
      expect(await badJson.json()).toHaveProperty("error");
    });
  });
});
