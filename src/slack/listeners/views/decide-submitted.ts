import type { DecideResult } from "../../../storage/index.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { decodeDecideContext } from "../../services/codecs.js";
import { parseDecideSubmission } from "../../services/decide-submission.js";
import { followUpDecision, recordDecision } from "../../services/record-decision.js";
import { workspaceOf } from "../../services/saved-recommendations.js";
import type { ViewSubmitArgs } from "../args.js";

const refuse = (text: string) => ({
  response_action: "errors" as const,
  errors: { [IDS.decideFramework]: text },
});

/**
 * "Mark as decided" comes back: decided (atomically; the repository supersedes the decision that stood
 * in the channel), or the form says why not. Then: the superseded decision's reminders are cancelled,
 * the new reminder set, both messages re-rendered, and the person who decided told what happened.
 */
export function decideSubmitted(deps: Deps) {
  return async ({ ack, view, body, context }: ViewSubmitArgs): Promise<void> => {
    const { log, api } = context;
    const where = decodeDecideContext(view.private_metadata);
    const workspace = workspaceOf(context);
    if (!where || !workspace) {
      log.warn("the decide form came back without its context");
      await ack(refuse("This form has expired. Close it and click Mark as decided again."));
      return;
    }
    const parsed = parseDecideSubmission(view.state);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    const user = body.user.id;
    let result: DecideResult;
    try {
      result = await recordDecision(deps, {
        teamId: workspace.teamId,
        channelId: where.channel,
        messageTs: where.messageTs,
        userId: user,
        framework: parsed.answers.framework,
        reason: parsed.answers.reason,
      });
    } catch (err) {
      log.error({ err }, "could not record the decision");
      await ack(
        refuse("I couldn't save that: my database isn't answering. Please try again in a few minutes."),
      );
      return;
    }
    if (!result.ok) {
      log.info({ code: result.code }, "decision refused");
      await ack(refuse(result.message));
      return;
    }
    await ack();
    const { decision, superseded } = result;
    log.info({ framework: decision.framework, supersedes: superseded?.messageTs }, "decided");
    await followUpDecision(deps, api, log, {
      workspace,
      decision,
      superseded,
      answers: parsed.answers,
      user,
    });
  };
}
