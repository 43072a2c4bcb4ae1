/**
 * "I agree" / "I'd pick the other" on a recommendation: one vote per person per recommendation; voting
 * again changes it, and it can be withdrawn.
 */
import type { Kysely } from "kysely";
import {
  type ChoiceInput,
  type ChoiceRepository,
  choiceRepository,
  type StoredChoice,
} from "./personal-choices.js";
import type { Clock } from "./rows.js";
import type { Schema } from "./schema.js";

/** `agree`: "I agree" with the verdict; `pick_other`: "I'd pick the other" framework. */
export const VOTE_VALUES = ["agree", "pick_other"] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];

export type VoteInput = ChoiceInput<VoteValue>;
export type StoredVote = StoredChoice<VoteValue>;

/** The votes on one recommendation: who, in the order they first voted. */
export interface VoteTally {
  agree: string[];
  pickOther: string[];
}

export interface VoteRepository extends ChoiceRepository<VoteValue> {
  /** Who voted which way on one recommendation. */
  tally(teamId: string, channelId: string, messageTs: string): Promise<VoteTally>;
}

export function voteRepository(db: Kysely<Schema>, now: Clock): VoteRepository {
  const votes = choiceRepository(db, now, "votes", VOTE_VALUES, "vote");
  return {
    ...votes,
    async tally(teamId, channelId, messageTs) {
      const all = await votes.listForRecommendation(teamId, channelId, messageTs);
      return {
        agree: all.filter((v) => v.value === "agree").map((v) => v.userId),
        pickOther: all.filter((v) => v.value === "pick_other").map((v) => v.userId),
      };
    },
  };
}
