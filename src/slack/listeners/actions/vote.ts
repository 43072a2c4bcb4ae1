import type { VoteValue } from "../../../storage/index.js";
import type { Deps } from "../../deps.js";
import { TEAM_NOT_SAVED, teamClick } from "../../services/team-click.js";
import type { ButtonArgs } from "../args.js";

/**
 * "I agree" / "I'd pick the other": one vote per person per recommendation. Pressing the other button
 * switches the vote; pressing the same one again withdraws it. The message then shows the counts and
 * names (updated at most once a second per channel).
 */
export function vote({ database, refresher }: Deps, value: VoteValue) {
  return async ({ ack, body, context }: ButtonArgs): Promise<void> => {
    await ack();
    const click = teamClick(body, context);
    if (!click) return;
    const { message: m, user, log } = click;
    let withdrawn = false;
    try {
      const decision = await database.decisions.find(m.teamId, m.channel, m.ts);
      if (decision?.status === "superseded") {
        await click.tell(
          "A later decision in this channel replaced this one, so its votes are closed. Vote on the latest recommendation.",
        );
        return;
      }
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
    } catch (err) {
      log.error({ err, vote: value }, "could not record the vote");
      await click.tell(TEAM_NOT_SAVED);
      return;
    }
    log.info({ vote: value, withdrawn }, "vote recorded");
    if (withdrawn) await click.tell("Your vote is withdrawn. Click a vote button again to vote.");
    await refresher
      .refresh(m, click.api, log)
      .catch((err: unknown) => log.warn({ err }, "could not update the recommendation after a vote"));
  };
}
