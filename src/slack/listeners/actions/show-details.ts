import type { Logger } from "pino";
import { teamViewsFor } from "../../../decisions/index.js";
import {
  type Knowledge,
  parseProfile,
  type Recommendation,
  recommendProfile,
} from "../../../engine/index.js";
import { type Database, tallyAgainst } from "../../../storage/index.js";
import type { KnownBlock } from "../../blocks/kit.js";
import { recommendationDetailsView } from "../../blocks/recommendation-details.js";
import { mention } from "../../blocks/team-lines.js";
import { viewsComparisonBlocks } from "../../blocks/views-comparison.js";
import type { Deps } from "../../deps.js";
import { decodeAnswers } from "../../services/codecs.js";
import { type InteractionPlace, interactionPlace } from "../../services/interaction-place.js";
import { openViewOrExplain } from "../../services/open-view.js";
import type { ButtonArgs } from "../args.js";

/**
 * The team's views and votes on the message, compared with the stored recommendation (`teamViewsFor`,
 * as the message does); none when there are none, or they can't be read.
 */
async function teamPart(
  knowledge: Knowledge,
  database: Database,
  log: Logger,
  teamId: string,
  place: InteractionPlace,
  rec: Recommendation,
): Promise<KnownBlock[]> {
  try {
    const [stored, views, votes] = await Promise.all([
      database.recommendations.find(teamId, place.channel, place.messageTs),
      database.views.listForRecommendation(teamId, place.channel, place.messageTs),
      database.votes.byFramework(teamId, place.channel, place.messageTs),
    ]);
    if (!stored) return [];
    const compared = views.length > 0 ? teamViewsFor(knowledge, stored, views, mention, rec) : undefined;
    return viewsComparisonBlocks(knowledge, rec.verdict, compared, tallyAgainst(votes, rec.verdict));
  } catch (err) {
    log.warn({ err }, "could not read the team's views for Details");
    return [];
  }
}

/**
 * "Details" on a recommendation: pros and cons, caveats, the answers and sources, the team's views, in a
 * modal. It opens at once from the button's answers (a trigger_id lives 3 seconds, and a slow database
 * must not spend them); the team's part, read after, is added with views.update.
 */
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
    const viewId = await openViewOrExplain(context.api, context.log, {
      triggerId: body.trigger_id,
      view: recommendationDetailsView(knowledge, rec, []),
      user: body.user.id,
      ...(place ? { channel: place.channel } : {}),
      retry: "click *Details* again",
    });
    if (!viewId || !context.teamId || !place) return;
    const team = await teamPart(knowledge, database, context.log, context.teamId, place, rec);
    if (team.length === 0) return;
    await context.api
      .updateView({ view_id: viewId, view: recommendationDetailsView(knowledge, rec, team) })
      .catch((err: unknown) => context.log.warn({ err }, "could not add the team's part to Details"));
  };
}
