import { paneGreeting, suggestedPrompts } from "../../blocks/assistant.js";
import type { Deps } from "../../deps.js";
import { slackErrorCode } from "../../slack-errors.js";
import type { PaneThreadStartedArgs } from "../args.js";

/**
 * A person opens the agent side pane: keep the thread's context (the channel beside it), offer the
 * suggested prompts, and greet, naming the latest recommendation in that channel when there is one.
 */
export function paneThreadStarted(deps: Deps) {
  return async ({
    client,
    context,
    say,
    saveThreadContext,
    getThreadContext,
    setSuggestedPrompts,
  }: PaneThreadStartedArgs): Promise<void> => {
    const { log } = context;
    await saveThreadContext();
    try {
      await setSuggestedPrompts(suggestedPrompts({ decisionLog: deps.decisionLog !== undefined }));
    } catch (err) {
      // The greeting still says what to ask; a missing prompt row is not worth failing the thread.
      log.warn({ code: slackErrorCode(err) }, "could not set the pane's suggested prompts");
    }
    const beside = await getThreadContext();
    const teamId = context.teamId ?? beside.team_id ?? "";
    const latest = beside.channel_id
      ? await deps.recommendations.latest(client, log, teamId, beside.channel_id)
      : undefined;
    await say(
      paneGreeting(deps.knowledge, latest ? { channel: latest.channel, verdict: latest.verdict } : undefined),
    );
  };
}
