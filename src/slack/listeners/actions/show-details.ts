import type { Logger } from "pino";
import { storedProfile } from "../../../decisions/index.js";
import {
  compareViews,
  type Knowledge,
  type PersonAnswers,
  type ProjectProfile,
  parseProfile,
  type Recommendation,
  recommendProfile,
} from "../../../engine/index.js";
import type { Database } from "../../../storage/index.js";
import type { KnownBlock } from "../../blocks/kit.js";
import { recommendationDetailsView } from "../../blocks/recommendation-details.js";
import { mention } from "../../blocks/team-lines.js";
import { viewsComparisonBlocks } from "../../blocks/views-comparison.js";
import type { Deps } from "../../deps.js";
import { decodeAnswers } from "../../services/codecs.js";
import { type InteractionPlace, interactionPlace } from "../../services/interaction-place.js";
import { openViewOrExplain } from "../../services/open-view.js";
import type { ButtonArgs } from "../args.js";

/** The team's views and votes on the message, compared with the asker's answers; none when unreadable. */
async function teamPart(
  knowledge: Knowledge,
  database: Database,
  log: Logger,
  where: { teamId?: string; place?: InteractionPlace; askedBy?: string },
  base: { profile: ProjectProfile; rec: Recommendation },
): Promise<KnownBlock[]> {
  const { teamId, place, askedBy } = where;
  if (!teamId || !place || !askedBy) return [];
  try {
    const [views, votes] = await Promise.all([
      database.views.listForRecommendation(teamId, place.channel, place.messageTs),
      database.votes.tally(teamId, place.channel, place.messageTs),
    ]);
    const others: PersonAnswers[] = [];
    for (const v of views) {
      const profile = storedProfile(knowledge, v);
      if (profile) others.push({ userId: v.userId, label: mention(v.userId), profile });
    }
    const compared =
      others.length > 0
        ? compareViews(
            knowledge,
            { userId: askedBy, label: mention(askedBy), profile: base.profile, recommendation: base.rec },
            others,
          )
        : undefined;
    return viewsComparisonBlocks(knowledge, base.rec.verdict, compared, votes);
  } catch (err) {
    log.warn({ err }, "could not read the team's views for Details");
    return [];
  }
}

/** "Details" on a recommendation: pros and cons, caveats, the answers and sources, the team's views, in a modal. */
export function showDetails({ knowledge, database }: Deps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const decoded = decodeAnswers(action.value);
    const parsed = decoded ? parseProfile(decoded.input, knowledge) : undefined;
    if (!parsed?.ok) {
      context.log.warn("show_details with answers that no longer fit the knowledge base");
      return;
    }
    const place = interactionPlace(body);
    const rec = recommendProfile(parsed.profile, knowledge);
    const team = await teamPart(
      knowledge,
      database,
      context.log,
      {
        ...(context.teamId ? { teamId: context.teamId } : {}),
        ...(place ? { place } : {}),
        ...(decoded?.askedBy ? { askedBy: decoded.askedBy } : {}),
      },
      { profile: parsed.profile, rec },
    );
    await openViewOrExplain(context.api, context.log, {
      triggerId: body.trigger_id,
      view: recommendationDetailsView(knowledge, rec, team),
      user: body.user.id,
      ...(place ? { channel: place.channel } : {}),
      retry: "click *Details* again",
    });
  };
}
