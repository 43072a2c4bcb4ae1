import type { webApi } from "@slack/bolt";
import type { Knowledge, ProjectProfile } from "../../engine/index.js";
import { questionnaireView } from "../blocks/questionnaire.js";
import { encodeModalContext, type ModalContext } from "./codecs.js";

/** Opens the questions modal. Call it right after ack(): a trigger_id lives 3 seconds. */
export async function openQuestionnaire(
  client: webApi.WebClient,
  k: Knowledge,
  triggerId: string,
  ctx: ModalContext,
  initial?: ProjectProfile,
): Promise<void> {
  await client.views.open({
    trigger_id: triggerId,
    view: questionnaireView({
      knowledge: k,
      privateMetadata: encodeModalContext(ctx),
      askDestination: ctx.c === undefined,
      editing: ctx.ts !== undefined,
      ...(initial ? { initial } : {}),
    }),
  });
}
