import { type ModalView, mrkdwn, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { truncate } from "./text.js";

/** A modal that only says something (why a form can't be used here), with a Close button. */
export function noticeModal(title: string, text: string): ModalView {
  return {
    type: "modal",
    title: plain(truncate(title, 24)),
    close: plain("Close"),
    blocks: [{ type: "section", text: mrkdwn(truncate(text, LIMITS.sectionText)) }],
  };
}
