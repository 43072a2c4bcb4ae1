/**
 * "I agree" / "I'd pick the other" on a recommendation: one vote per person per recommendation; voting
 * again changes it, and it can be withdrawn. A vote names the framework voted for, never "agree": an
 * edit can flip the verdict, and a vote must keep its meaning. Agree / other is reckoned when shown,
 * against the verdict of the moment (`tallyAgainst`).
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

/** The framework a person votes for. */
export const VOTE_VALUES = ["flask", "django"] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];

export type VoteInput = ChoiceInput<VoteValue>;
export type StoredVote = StoredChoice<VoteValue>;

/** Who voted for which framework on one recommendation, in the order they first voted. */
export type FrameworkVotes = Record<VoteValue, string[]>;

/** The votes on one recommendation against its verdict: who agrees, who would pick the other. */
export interface VoteTally {
  agree: string[];
  pickOther: string[];
}

/** Agree / other against `verdict`; nobody either way when the verdict is "either" (no side to agree with). */
export function tallyAgainst(votes: FrameworkVotes, verdict: string): VoteTally {
  if (verdict !== "flask" && verdict !== "django") return { agree: [], pickOther: [] };
  return { agree: votes[verdict], pickOther: votes[verdict === "flask" ? "django" : "flask"] };
}

export interface VoteRepository extends ChoiceRepository<VoteValue> {
  /** Who voted for each framework on one recommendation. */
  byFramework(teamId: string, channelId: string, messageTs: string): Promise<FrameworkVotes>;
  /** The votes against the recommendation's stored verdict (as it stands now). */
  tally(teamId: string, channelId: string, messageTs: string): Promise<VoteTally>;
}

export function voteRepository(db: Kysely<Schema>, now: Clock): VoteRepository {
  const votes = choiceRepository(db, now, "votes", VOTE_VALUES, "vote");
  const byFramework = async (teamId: string, channelId: string, messageTs: string) => {
    const all = await votes.listForRecommendation(teamId, channelId, messageTs);
    return {
      flask: all.filter((v) => v.value === "flask").map((v) => v.userId),
      django: all.filter((v) => v.value === "django").map((v) => v.userId),
    };
  };
  return {
    ...votes,
    byFramework,
    async tally(teamId, channelId, messageTs) {
      const [cast, row] = await Promise.all([
        byFramework(teamId, channelId, messageTs),
        db
          .selectFrom("recommendations")
          .select("verdict")
          .where("team_id", "=", teamId)
          .where("channel_id", "=", channelId)
          .where("message_ts", "=", messageTs)
          .executeTakeFirst(),
      ]);
      return tallyAgainst(cast, row?.verdict ?? "either");
    },
  };
}
