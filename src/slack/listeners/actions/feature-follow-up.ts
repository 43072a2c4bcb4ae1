import type { App, BlockButtonAction } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { answerInThread, featureAnswer } from "../../services/answer-question.js";
import { logOf } from "../../services/request-log.js";

/** "Also: Authentication" buttons under an answer that named several features. */
export function registerFeatureFollowUp(app: App, deps: Deps): void {
  const k = deps.knowledge;
  app.action<BlockButtonAction>(
    new RegExp(`^${IDS.followUpFeature}_`),
    async ({ ack, body, action, client, context, respond }) => {
      await ack();
      const log = logOf(context, deps.logger);
      const channel = body.channel?.id ?? body.container?.channel_id;
      const threadTs = body.message?.thread_ts ?? body.container?.thread_ts ?? body.message?.ts;
      if (!channel || !threadTs) return;
      const ctx = await deps.threads.lookup(client, log, channel, threadTs);
      const answer = featureAnswer(k, action.value ?? "", {
        noProject: ctx === null,
        ...(ctx?.profile ? { profile: ctx.profile } : {}),
      });
      if (!answer) return;
      await answerInThread(client, log, { channel, threadTs }, answer, respond);
    },
  );
}
