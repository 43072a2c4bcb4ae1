import { parseProfile, recommendProfile } from "../../../engine/index.js";
import { recommendationDetailsView } from "../../blocks/recommendation-details.js";
import type { Deps } from "../../deps.js";
import { decodeAnswers } from "../../services/codecs.js";
import { interactionPlace } from "../../services/interaction-place.js";
import { openViewOrExplain } from "../../services/open-view.js";
import type { ButtonArgs } from "../args.js";

/** "Details" on a recommendation: pros and cons, caveats, the answers and sources, in a modal. */
export function showDetails({ knowledge }: Deps) {
  return async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const decoded = decodeAnswers(action.value);
    const parsed = decoded ? parseProfile(decoded.input, knowledge) : undefined;
    if (!parsed?.ok) {
      context.log.warn("show_details with answers that no longer fit the knowledge base");
      return;
    }
    const channel = interactionPlace(body)?.channel;
    await openViewOrExplain(client, context.log, {
      triggerId: body.trigger_id,
      view: recommendationDetailsView(knowledge, recommendProfile(parsed.profile, knowledge)),
      user: body.user.id,
      ...(channel ? { channel } : {}),
      retry: "click *Details* again",
    });
  };
}
