import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { type Knowledge, type ProjectProfile, parseProfile } from "../../engine/index.js";
import { type RecommendationPayload, readRecommendationMetadata } from "./codecs.js";
import { Lru } from "./lru.js";

/** What a thread knows: the project behind the recommendation it hangs off. */
export interface RecommendationThread {
  /** The project's answers; undefined when the metadata no longer fits the knowledge base. */
  profile?: ProjectProfile;
  verdict: RecommendationPayload["verdict"];
}

const key = (channel: string, ts: string) => `${channel}:${ts}`;

/**
 * Recommendation threads: remembered when the app posts, and otherwise read once per thread from the
 * parent message's metadata, so a restart or another instance still knows the project.
 */
export class RecommendationThreads {
  /** null records "checked: not one of ours", so a busy foreign thread costs one API call. */
  private readonly cache: Lru<string, RecommendationThread | null>;
  private readonly inFlight = new Map<string, Promise<RecommendationThread | null>>();

  constructor(
    private readonly knowledge: Knowledge,
    size = 5000,
  ) {
    this.cache = new Lru(size);
  }

  fromPayload(payload: RecommendationPayload): RecommendationThread {
    const parsed = parseProfile(
      { answers: payload.answers, needs: payload.needs, notes: payload.notes },
      this.knowledge,
    );
    return { verdict: payload.verdict, ...(parsed.ok ? { profile: parsed.profile } : {}) };
  }

  /** Remembers a thread we just posted; with the (already valid) profile at hand, nothing is re-parsed. */
  remember(channel: string, ts: string, payload: RecommendationPayload, profile?: ProjectProfile): void {
    this.cache.set(
      key(channel, ts),
      profile ? { verdict: payload.verdict, profile } : this.fromPayload(payload),
    );
  }

  /** The recommendation a thread hangs off, or null when its parent is not one of our recommendations. */
  async lookup(
    client: webApi.WebClient,
    log: Logger,
    channel: string,
    threadTs: string,
  ): Promise<RecommendationThread | null> {
    const cacheKey = key(channel, threadTs);
    const known = this.cache.get(cacheKey);
    if (known !== undefined) return known;
    const pending = this.inFlight.get(cacheKey);
    if (pending) return pending;
    const fetching = (async () => {
      try {
        const res = await client.conversations.replies({
          channel,
          ts: threadTs,
          limit: 1,
          inclusive: true,
          include_all_metadata: true,
        });
        const parent = res.messages?.find((m) => m.ts === threadTs) ?? res.messages?.[0];
        const payload = readRecommendationMetadata(parent);
        const thread = payload ? this.fromPayload(payload) : null;
        this.cache.set(cacheKey, thread);
        return thread;
      } catch (err) {
        // Not cached: a passing failure should not make a thread of ours look foreign for good.
        log.warn({ err, channel, threadTs }, "could not read the thread's parent message");
        return null;
      } finally {
        this.inFlight.delete(cacheKey);
      }
    })();
    this.inFlight.set(cacheKey, fetching);
    return fetching;
  }
}
