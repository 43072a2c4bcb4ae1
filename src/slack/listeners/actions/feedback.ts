import type { ButtonArgs } from "../args.js";

/** "Helpful" / "Not helpful" on a recommendation: logged, and acknowledged to that person only. */
export function feedback(helpful: boolean) {
  return async ({ ack, body, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    context.log.info(
      { feedback: helpful ? "helpful" : "not_helpful", message: body.message?.ts },
      "recommendation feedback",
    );
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: helpful
        ? "Thanks! Glad it helped."
        : "Thanks for telling us. Reply in the thread with what was missing, or use *Edit answers* if something was off.",
    });
  };
}
