/** Redis key names for one stand-in namespace: everything lives under `qstash:{namespace}:`. */
export function redisKeys(namespace: string) {
  const root = `qstash:${namespace}:`;
  return {
    /** JSON of a live message. */
    message: (id: string) => `${root}message:${id}`,
    /** Set of live message ids (not yet delivered, failed or cancelled). */
    pending: `${root}pending`,
    /** Sorted set: message id → unix ms when it is due for an attempt. */
    due: `${root}due`,
    /** Sorted set: message id → unix ms when the claim on it lapses (crash recovery). */
    inflight: `${root}inflight`,
    /** Deduplication id → message id, expiring after QStash's 10-minute window. */
    dedup: (id: string) => `${root}dedup:${id}`,
    /** Set of queue names. */
    queues: `${root}queues`,
    /** Hash with a queue's settings. */
    queue: (name: string) => `${root}queue:${name}`,
    /** List of queued message ids waiting for a free slot, oldest first. */
    queueReady: (name: string) => `${root}queue:${name}:ready`,
    /** Set of queued message ids holding a slot (being delivered or waiting for a retry). */
    queueActive: (name: string) => `${root}queue:${name}:active`,
    /** Hash: schedule id → JSON. */
    schedules: `${root}schedules`,
    /** Sorted set: schedule id → unix ms of its next run. */
    scheduleDue: `${root}schedule-due`,
    /** Hash: message id → state of the messages a schedule's last run created. */
    scheduleStates: (id: string) => `${root}schedule:${id}:states`,
    /** Sorted set: DLQ id → sequence number (insertion order). */
    dlq: `${root}dlq`,
    /** JSON of one DLQ entry. */
    dlqEntry: (id: string) => `${root}dlq:${id}`,
    /** Sorted set: log event JSON → sequence number. */
    events: `${root}events`,
    /** Counter behind every sequence number. */
    sequence: `${root}sequence`,
  };
}

/** The key names of one namespace. */
export type RedisKeys = ReturnType<typeof redisKeys>;
