import { Client } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

/** Polls until `condition` holds, failing after `timeoutMs`. */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the Worker on a port, wired to its own local stack", () => {
  let worker: Harness;
  let client: Client;

  beforeAll(async () => {
    worker = await startHarness();
    client = new Client({ baseUrl: worker.stack.urls.qstash, token: worker.stack.bindings.QSTASH_TOKEN! });
  });

  afterAll(async () => {
    await worker?.dispose();
  });

  it("happy: /health/ready reports every dependency up", async () => {
    const response = await worker.fetch("/health/ready");
    const body = (await response.json()) as { status: string; checks: Array<{ name: string; status: string }> };

    expect(response.status).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.checks.map((check) => [check.name, check.status])).toEqual([
      ["postgres", "up"],
      ["redis", "up"],
      ["qstash", "up"],
      ["vector", "up"],
    ]);
  });

  it("happy: the QStash stand-in delivers a published message to the Worker", async () => {
    const { messageId } = await client.publish({ url: `${worker.url}/health`, method: "GET", retries: 0 });

    await waitFor(async () => (await client.logs({ messageIds: [messageId] })).logs[0]?.state === "DELIVERED");
    const states = (await client.logs({ messageIds: [messageId] })).logs.map((log) => log.state);
    expect(states).toContain("DELIVERED");
    expect(states).not.toContain("ERROR");
  });

  it("error: a delivery the Worker answers with 404 ends FAILED", async () => {
    const { messageId } = await client.publish({ url: `${worker.url}/no-such-route`, method: "GET", retries: 0 });

    await waitFor(async () => (await client.logs({ messageIds: [messageId] })).logs[0]?.state === "FAILED");
  });
});
