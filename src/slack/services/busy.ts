import type { AllMiddlewareArgs, AnyMiddlewareArgs } from "@slack/bolt";
import type { Knowledge } from "../../engine/index.js";
import type { AppContext } from "../context.js";
import { IDS } from "../ids.js";
import type { InFlight } from "./in-flight.js";

/** What a person sees when the app is at its cap on outstanding work. */
export const BUSY_WORDS = {
  command: "I'm answering a lot of requests right now. Please try `/flask-or-django` again in a moment.",
  submission:
    "I'm answering a lot of requests right now. Please press Submit again in a moment: your answers are still here.",
} as const;

type Args = AnyMiddlewareArgs & AllMiddlewareArgs<AppContext>;

/**
 * Acknowledges a request the app will not take on: a command with a short ephemeral "busy", a
 * submitted form with the same words above its first question (the form stays open with the answers),
 * anything else with a plain ack. Nothing is queued and no Web API call is made.
 */
export async function answerBusy(args: Args, knowledge: Knowledge, inFlight: InFlight): Promise<void> {
  const body = args.body as { type?: unknown; command?: unknown; view?: { callback_id?: unknown } };
  const kind = typeof body.command === "string" ? "command" : String(body.type ?? "unknown");
  args.context.log.warn({ kind, outstanding: inFlight.size, cap: inFlight.cap }, "busy: request refused");
  const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
  if (!ack) return; // an event, which Bolt has acknowledged already (the HTTP receiver turns those away first)
  if (typeof body.command === "string") {
    await ack({ response_type: "ephemeral", text: BUSY_WORDS.command });
    return;
  }
  if (body.type === "view_submission" && body.view?.callback_id === IDS.questionnaire) {
    const firstBlock = IDS.questionBlock(knowledge.singleQuestions[0]?.id ?? "project_type");
    await ack({ response_action: "errors", errors: { [firstBlock]: BUSY_WORDS.submission } });
    return;
  }
  await ack();
}
