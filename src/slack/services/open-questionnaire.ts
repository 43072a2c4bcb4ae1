import type { Logger } from "pino";
import type { Knowledge } from "../../engine/index.js";
import { type Prefill, questionnaireView } from "../blocks/questionnaire.js";
import { encodeModalContext, type ModalContext } from "./codecs.js";
import { type OpenView, openViewOrExplain } from "./open-view.js";
import type { SlackCalls } from "./slack-api.js";

export interface OpenQuestionnaire extends Omit<OpenView, "view" | "user"> {
  /** Where the answers go; its user is who asked. */
  modal: ModalContext;
  /** Answers to start from (Edit answers, a quick take). */
  initial?: Prefill;
}

/** Opens the questions modal, or tells the person why not and how to try again. */
export function openQuestionnaireOrExplain(
  api: SlackCalls,
  log: Logger,
  knowledge: Knowledge,
  request: OpenQuestionnaire,
): Promise<string | undefined> {
  const { modal } = request;
  return openViewOrExplain(api, log, {
    ...request,
    user: modal.user,
    view: questionnaireView({
      knowledge,
      privateMetadata: encodeModalContext(modal, api.trusts),
      askDestination: modal.channel === undefined,
      editing: modal.messageTs !== undefined,
      ...(modal.ownView && modal.askedBy ? { viewOf: modal.askedBy } : {}),
      ...(request.initial ? { initial: request.initial } : {}),
    }),
  });
}
