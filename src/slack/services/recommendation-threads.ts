import type { Logger } from "pino";
import { type Knowledge, type ProjectProfile, parseProfile } from "../../engine/index.js";
import type { RecommendationRepository, StoredRecommendation } from "../../storage/index.js";
import { type RecommendationPayload, readRecommendationMetadata } from "./codecs.js";
import { Lru } from "./lru.js";
import type { SlackCalls } from "./slack-api.js";

/** What a thread knows: the project behind the recommendation it hangs off. */
export interface RecommendationThread {
  /** The project's answers; undefined when they no longer fit the knowledge base. */
  profile?: ProjectProfile;
  verdict: RecommendationPayload["verdict"];
  /** Who asked for it, when the row or the message's metadata says. */
  askedBy?: string;
}

const key = (channel: string, ts: string) => `${channel}:${ts}`;

/**
 * Recommendation threads: what project a thread's questions are about.
 *
 * 1. The database first: every recommendation is stored when posted or edited, so any instance sees the
 *    latest answers, edits made on another instance included. Not cached: the database is the truth, and
 *    a lookup by primary key is cheap.
 * 2. Otherwise (a recommendation older than the database, or the database is down): what this instance
 *    remembered when it posted, or else the parent message's metadata (`conversations.replies`), read
 *    once per thread and cached.
 */
export class RecommendationThreads {
  /** null records "checked: not one of ours", so a busy foreign thread costs one API call. */
  private readonly cache: Lru<string, RecommendationThread | null>;
  private readonly inFlight = new Map<string, Promise<RecommendationThread | null>>();

  constructor(
    private readonly knowledge: Knowledge,
    private readonly recommendations?: Pick<RecommendationRepository, "find">,
    size = 5000,
  ) {
    this.cache = new Lru(size);
  }

  private fromProfileInput(
    verdict: RecommendationThread["verdict"],
    input: Pick<ProjectProfile, "answers" | "needs" | "notes">,
    askedBy: string | undefined,
  ): RecommendationThread {
    const parsed = parseProfile(
      { answers: input.answers, needs: input.needs, notes: input.notes },
      this.knowledge,
    );
    return { verdict, ...(parsed.ok ? { profile: parsed.profile } : {}), ...(askedBy ? { askedBy } : {}) };
  }

  fromPayload(payload: RecommendationPayload): RecommendationThread {
    return this.fromProfileInput(payload.verdict, payload, payload.asked_by);
  }

  fromStored(stored: StoredRecommendation): RecommendationThread {
    return this.fromProfileInput(stored.verdict, stored, stored.userId);
  }

  /** Remembers a thread we just posted; with the (already valid) profile at hand, nothing is re-parsed. */
  remember(channel: string, ts: string, payload: RecommendationPayload, profile?: ProjectProfile): void {
    this.cache.set(
      key(channel, ts),
      profile
        ? { verdict: payload.verdict, profile, ...(payload.asked_by ? { askedBy: payload.asked_by } : {}) }
        : this.fromPayload(payload),
    );
  }

  /**
   * The recommendation a thread hangs off, or null when its parent is not one of our recommendations.
   * `teamId` is the workspace the request came from (the database's key); without it, Slack is asked.
   */
  async lookup(
    api: SlackCalls,
    log: Logger,
    channel: string,
    threadTs: string,
    teamId?: string,
  ): Promise<RecommendationThread | null> {
    if (teamId !== undefined && this.recommendations !== undefined) {
      try {
        const stored = await this.recommendations.find(teamId, channel, threadTs);
        if (stored !== undefined) return this.fromStored(stored);
      } catch (err) {
        log.error(
          { err, channel, threadTs },
          "could not read the recommendation from the database; asking Slack",
        );
      }
    }
    const cacheKey = key(channel, threadTs);
    const known = this.cache.get(cacheKey);
    if (known !== undefined) return known;
    const pending = this.inFlight.get(cacheKey);
    if (pending) return pending;
    const fetching = (async () => {
      try {
        const res = await api.replies({
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
