import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { type Knowledge, parseProfile } from "../../engine/index.js";
import { slackErrorCode } from "../slack-errors.js";
import { type RecommendationPayload, readRecommendationMetadata } from "./codecs.js";
import { Lru } from "./lru.js";
import type { RecommendationThread } from "./recommendation-threads.js";

/** Where a recommendation was posted: the workspace, the channel and the message. */
export interface RecommendationPlace {
  teamId: string;
  channel: string;
  /** The message's ts: the newest recommendation in a channel is the one with the greatest ts. */
  ts: string;
}

/** The newest recommendation in a channel, and what its thread knows (the verdict, the project). */
export interface LatestRecommendation extends RecommendationThread {
  channel: string;
  ts: string;
}

/**
 * The newest recommendation per channel. In memory today (`MemoryLatestRecommendations`); the storage
 * layer's `RecommendationRepository` answers the same question with `findLatestInChannel(teamId,
 * channelId)` (and records with `upsert`), so a database-backed store is a thin adapter over it.
 */
export interface LatestRecommendationStore {
  /** Remembers a recommendation just posted (or edited); an older one never replaces a newer one. */
  record(place: RecommendationPlace, thread: RecommendationThread): Promise<void>;
  latest(teamId: string, channel: string): Promise<LatestRecommendation | undefined>;
}

const channelKey = (teamId: string, channel: string) => `${teamId}:${channel}`;

/** Slack's ts is fixed-width seconds and microseconds, so comparing the numbers is comparing times. */
const newer = (a: string, b: string) => Number(a) > Number(b);

/** One instance's memory of the newest recommendation per channel (bounded: old channels go first). */
export class MemoryLatestRecommendations implements LatestRecommendationStore {
  private readonly byChannel: Lru<string, LatestRecommendation>;

  constructor(size = 5000) {
    this.byChannel = new Lru(size);
  }

  async record(place: RecommendationPlace, thread: RecommendationThread): Promise<void> {
    const key = channelKey(place.teamId, place.channel);
    const known = this.byChannel.get(key);
    if (known && newer(known.ts, place.ts)) return;
    this.byChannel.set(key, { ...thread, channel: place.channel, ts: place.ts });
  }

  async latest(teamId: string, channel: string): Promise<LatestRecommendation | undefined> {
    return this.byChannel.get(channelKey(teamId, channel));
  }
}

/** How many of a channel's newest messages are searched for a recommendation when none is known. */
const HISTORY_LIMIT = 100;

/**
 * Finds a channel's newest recommendation: from the store, or else (after a restart, or when another
 * instance posted it) from the channel's history, where each recommendation carries its answers in
 * its message metadata. The history is read at most once per channel per `recheckMs`, so a channel
 * without a recommendation costs one call now and then, not one per question.
 */
export class ChannelRecommendations {
  /** When each channel's history was last read. */
  private readonly readAt: Lru<string, number>;

  constructor(
    private readonly store: LatestRecommendationStore,
    private readonly knowledge: Knowledge,
    private readonly recheckMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.readAt = new Lru(5000);
  }

  record(place: RecommendationPlace, thread: RecommendationThread): Promise<void> {
    return this.store.record(place, thread);
  }

  async latest(
    client: webApi.WebClient,
    log: Logger,
    teamId: string,
    channel: string,
  ): Promise<LatestRecommendation | undefined> {
    const known = await this.store.latest(teamId, channel);
    if (known) return known;
    const key = channelKey(teamId, channel);
    const at = this.readAt.get(key);
    if (at !== undefined && this.now() - at < this.recheckMs) return undefined;
    this.readAt.set(key, this.now());
    try {
      const res = await client.conversations.history({
        channel,
        limit: HISTORY_LIMIT,
        include_all_metadata: true,
      });
      // Newest first: the first of ours is the latest.
      for (const message of res.messages ?? []) {
        const payload = readRecommendationMetadata(message);
        if (!payload || typeof message.ts !== "string") continue;
        const thread = this.threadOf(payload);
        await this.store.record({ teamId, channel, ts: message.ts }, thread);
        return { ...thread, channel, ts: message.ts };
      }
    } catch (err) {
      // Not a member, a private channel, a DM with someone else: there is simply nothing to go on.
      log.info(
        { code: slackErrorCode(err), channel },
        "cannot read the channel's history for a recommendation",
      );
    }
    return undefined;
  }

  /** As a thread knows it: the project when its answers still fit the knowledge base. */
  private threadOf(payload: RecommendationPayload): RecommendationThread {
    const parsed = parseProfile(
      { answers: payload.answers, needs: payload.needs, notes: payload.notes },
      this.knowledge,
    );
    return { verdict: payload.verdict, ...(parsed.ok ? { profile: parsed.profile } : {}) };
  }
}
