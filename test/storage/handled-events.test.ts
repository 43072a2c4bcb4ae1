import { describe, expect, it } from "vitest";
import { PURGE_INTERVAL_MS } from "../../src/storage/handled-events.js";
import { BACKENDS, SHARED_BACKENDS, useBackends } from "./backends.js";

const backends = useBackends();

describe.each(BACKENDS)("handled events on %s", (backend) => {
  it("is true for the first claim of a key only", async () => {
    const { handledEvents } = await backends.fresh(backend);
    expect(await handledEvents.claim("event:Ev1", 600)).toBe(true);
    expect(await handledEvents.claim("event:Ev1", 600)).toBe(false);
    expect(await handledEvents.claim("event:Ev2", 600)).toBe(true);
    expect(await handledEvents.claim("message:C1:1.2", 600)).toBe(true);
  });

  it("lets a key be claimed again once its claim has expired, or after release", async () => {
    let now = 1_000_000;
    const { handledEvents } = await backends.fresh(backend, { now: () => now });
    expect(await handledEvents.claim("k", 10)).toBe(true);
    now += 9_999;
    expect(await handledEvents.claim("k", 10)).toBe(false);
    now += 1;
    expect(await handledEvents.claim("k", 10)).toBe(true);
    expect(await handledEvents.claim("k", 10)).toBe(false);
    await handledEvents.release("k");
    expect(await handledEvents.claim("k", 10)).toBe(true);
    await handledEvents.release("never-claimed");
  });

  it("gives exactly one true to 50 parallel claims of one key", async () => {
    const { handledEvents } = await backends.fresh(backend);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => handledEvents.claim("event:Ev1", 600)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("purges expired rows on demand, and by itself at most once a minute", async () => {
    let now = 1_000_000;
    const { handledEvents, db } = await backends.fresh(backend, { now: () => now });
    const rows = async () =>
      (await db.selectFrom("handled_events").select("key").orderBy("key").execute()).map((r) => r.key);
    await handledEvents.claim("short-1", 1);
    await handledEvents.claim("short-2", 1);
    await handledEvents.claim("long", 3_600);
    now += 2_000;
    expect(await handledEvents.purgeExpired()).toBe(2);
    expect(await rows()).toEqual(["long"]);

    await handledEvents.claim("short-3", 1);
    now += 2_000;
    await handledEvents.claim("other", 1); // within the minute: no purge yet
    expect(await rows()).toEqual(["long", "other", "short-3"]);
    now += PURGE_INTERVAL_MS;
    await handledEvents.claim("later", 3_600);
    expect(await rows()).toEqual(["later", "long"]);
  });

  it("refuses an empty key or a ttl that is not positive", async () => {
    const { handledEvents } = await backends.fresh(backend);
    await expect(handledEvents.claim("", 10)).rejects.toThrow(/key is empty/);
    await expect(handledEvents.claim("k", 0)).rejects.toThrow(/ttlSeconds must be a positive number/);
    await expect(handledEvents.claim("k", Number.NaN)).rejects.toThrow(/ttlSeconds/);
  });
});

describe.each(SHARED_BACKENDS)("handled events shared by two Database objects on %s", (backend) => {
  it("gives exactly one true to 50 parallel claims of one key across both", async () => {
    const a = await backends.fresh(backend);
    const b = await backends.another(backend);
    for (const round of [1, 2, 3]) {
      const key = `event:round-${round}`;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).handledEvents.claim(key, 600)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it("gives one true when both race for a key whose claim has just expired", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const a = await backends.fresh(backend, { now: clock });
    const b = await backends.another(backend, { now: clock });
    expect(await a.handledEvents.claim("k", 1)).toBe(true);
    now += 1_000;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).handledEvents.claim("k", 1)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
