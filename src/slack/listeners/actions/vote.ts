import { z } from "zod";
import { VOTE_VALUES, type VoteValue } from "../../../storage/index.js";
import type { Deps } from "../../deps.js";
import { TEAM_NOT_SAVED, teamClick } from "../../services/team-click.js";
import type { ButtonArgs } from "../args.js";

const framework = z.enum(VOTE_VALUES);
/** Buttons rendered before votes named their framework said "agree" / "pick_other". */
const legacy = z.enum(["agree", "pick_other"]);

/** The framework a vote button is for: its value, or (an older message's) read against the verdict. */
function votedFor(value: unknown, verdict: string | undefined): VoteValue | undefined {
  const named = framework.safeParse(value);
  if (named.success) return named.data;
  const old = legacy.safeParse(value);
  if (!old.success || (verdict !== "flask" && verdict !== "django")) return undefined;
  return old.data === "agree" ? verdict : verdict === "flask" ? "django" : "flask";
}

/**
 * "I agree" / "I'd pick the other": one vote per person per recommendation, for the framework the
 * button names (so an edit that flips the verdict keeps what each vote meant). Pressing the other button
 * switches the vote; pressing the same one again withdraws it. The message then shows the counts and
 * names (updated at most once a second per channel).
 */
export function vote({ database, refresher }: Deps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const click = teamClick(body, context);
    if (!click) return;
    const { message: m, user, log } = click;
    let withdrawn = false;
    let value: VoteValue | undefined;
    try {
      const decision = await database.decisions.find(m.teamId, m.channel, m.ts);
      if (decision?.status === "superseded") {
        await click.tell(
          "A later decision in this channel replaced this one, so its votes are closed. Vote on the latest recommendation.",
        );
        return;
      }
      value = votedFor(action.value, decision?.recommended);
      if (!value) {
        log.warn({ value: action.value }, "a vote button without a framework");
        await click.tell("That button is out of date. Please click the vote button again.");
      } else {
        const earlier = await database.votes.find(m.teamId, m.channel, m.ts, user);
        if (earlier?.value === value) {
          withdrawn = await database.votes.remove(m.teamId, m.channel, m.ts, user);
        } else {
          await database.votes.upsert({
            teamId: m.teamId,
            enterpriseId: m.enterpriseId ?? null,
            channelId: m.channel,
            messageTs: m.ts,
            userId: user,
            value,
          });
        }
      }
    } catch (err) {
      log.error({ err, vote: value }, "could not record the vote");
      await click.tell(TEAM_NOT_SAVED);
      return;
    }
    if (value) log.info({ vote: value, withdrawn }, "vote recorded");
    if (withdrawn) await click.tell("Your vote is withdrawn. Click a vote button again to vote.");
    await refresher
      .refresh(m, click.api, log)
      .catch((err: unknown) => log.warn({ err }, "could not update the recommendation after a vote"));
  };
}
