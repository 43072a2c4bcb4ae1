import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { decodeModalContext } from "../../services/codecs.js";
import { deliver, slackErrorCode } from "../../services/delivery.js";
import { recommendationMessage } from "../../services/recommendation-message.js";
import { logOf } from "../../services/request-log.js";
import { parseSubmission } from "../../services/submission.js";

/** The questions come back: validate, close the modal at once, then post (or update) the recommendation. */
export function registerQuestionnaireSubmitted(app: App, deps: Deps): void {
  const k = deps.knowledge;
  app.view(IDS.questionnaire, async ({ ack, view, body, client, context }) => {
    const log = logOf(context, deps.logger);
    const ctx = decodeModalContext(view.private_metadata);
    const firstBlock = IDS.questionBlock(k.singleQuestions[0]?.id ?? "project_type");
    if (!ctx) {
      log.warn("questionnaire came back without a valid context");
      await ack({
        response_action: "errors",
        errors: { [firstBlock]: "This form has expired. Close it and type /flask-or-django again." },
      });
      return;
    }
    const submission = parseSubmission(k, view.state, ctx.c === undefined);
    if (!submission.ok) {
      await ack({ response_action: "errors", errors: submission.errors });
      return;
    }
    await ack();

    const user = body.user.id;
    const channel = ctx.c ?? submission.destination ?? user;
    const askedBy = ctx.a ?? user;
    const { message, payload } = recommendationMessage(
      k,
      submission.profile,
      askedBy,
      ctx.ts ? user : undefined,
    );
    if (ctx.ts) {
      try {
        await client.chat.update({ channel, ts: ctx.ts, ...message });
        deps.threads.remember(channel, ctx.ts, payload, submission.profile);
        log.info({ verdict: payload.verdict }, "recommendation updated");
        return;
      } catch (err) {
        // The message may be gone or out of reach: post a fresh one rather than lose the answers.
        log.warn({ err, code: slackErrorCode(err) }, "chat.update failed; posting a new message");
      }
    }
    const delivered = await deliver(
      client,
      log,
      { channel, user, ...(ctx.r ? { responseUrl: ctx.r } : {}) },
      message,
    );
    if (delivered.via === "channel" || delivered.via === "dm") {
      deps.threads.remember(delivered.channel, delivered.ts, payload, submission.profile);
    }
    log.info({ verdict: payload.verdict, via: delivered.via }, "recommendation delivered");
  });
}
