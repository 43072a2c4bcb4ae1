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
 * its message metadata. The history is read at most once per channel per `recheckMs` (what it held is
 * kept that long), so a channel without a recommendation costs one call now and then, not one per question.
 */
export class ChannelRecommendations {
  /** When each channel's history was last read, and what it held (kept even if the store failed). */
  private readonly read: Lru<string, { at: number; found?: LatestRecommendation }>;

  constructor(
    private readonly store: LatestRecommendationStore,
    private readonly knowledge: Knowledge,
    private readonly recheckMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.read = new Lru(5000);
  }

  /**
   * Records a recommendation just posted or edited. Never throws: the message is already in Slack, and
   * a store that failed only means the pane reads the channel's history for it later.
   */
  async record(place: RecommendationPlace, thread: RecommendationThread, log: Logger): Promise<void> {
    try {
      await this.store.record(place, thread);
    } catch (err) {
      log.warn({ err, channel: place.channel }, "could not record the channel's latest recommendation");
    }
  }

  async latest(
    client: webApi.WebClient,
    log: Logger,
    teamId: string,
    channel: string,
  ): Promise<LatestRecommendation | undefined> {
    const known = await this.store.latest(teamId, channel).catch((err: unknown) => {
      log.warn({ err, channel }, "could not look up the channel's latest recommendation; reading Slack");
      return undefined;
    });
    if (known) return known;
    const key = channelKey(teamId, channel);
    const last = this.read.get(key);
    if (last !== undefined && this.now() - last.at < this.recheckMs) return last.found;
    this.read.set(key, { at: this.now() });
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
        const found = { ...this.threadOf(payload), channel, ts: message.ts };
        this.read.set(key, { at: this.now(), found });
        await this.record({ teamId, channel, ts: message.ts }, found, log);
        return found;
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
