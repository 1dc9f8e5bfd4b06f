/** A polling loop: runs `tick`, waits `intervalMs`, repeats until stopped. */
export interface Loop {
  /** Stops scheduling ticks and waits for the one under way. */
  stop(): Promise<void>;
}

/** Starts a loop; a failing tick is reported and the loop carries on (Redis may blip). */
export function startLoop(intervalMs: number, tick: () => Promise<void>, onError: (error: unknown) => void): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const run = () => {
    current = tick()
      .catch((error) => {
        if (!stopped) onError(error);
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(run, intervalMs);
      });
  };
  run();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
