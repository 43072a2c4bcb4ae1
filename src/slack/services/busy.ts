import type { Logger } from "pino";
import type { Knowledge } from "../../engine/index.js";
import { IDS } from "../ids.js";
import type { InFlight } from "./in-flight.js";
import { requestIds } from "./request-log.js";

/** What a person sees when the app is at its cap on outstanding work. */
export const BUSY_WORDS = {
  command: "I'm answering a lot of requests right now. Please try `/flask-or-django` again in a moment.",
  submission:
    "I'm answering a lot of requests right now. Please press Submit again in a moment: your answers are still here.",
} as const;

/**
 * How a refused request is answered: 200 with `response` as its body (a command's ephemeral "busy",
 * a submitted form's inline message, or nothing), or, for an event, which cannot carry an answer, 503:
 * Slack delivers it again later.
 */
export type Refusal = { status: 200; response?: unknown } | { status: 503; retryAfterSeconds: number };

type Body = { type?: unknown; command?: unknown; view?: { callback_id?: unknown } };

/**
 * Refuses work beyond the cap on outstanding work, with a short "busy, try again in a moment" rather
 * than a queue. Nothing is called and nothing is kept. Under a flood the refusals are logged at most
 * once a second, each line counting those since the last.
 */
export class Busy {
  private refusedSinceLine = 0;
  private lastLineAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly knowledge: Knowledge,
    private readonly logger: Logger,
    private readonly inFlight: InFlight,
    private readonly lineEveryMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  refuse(rawBody: unknown): Refusal {
    const body = (rawBody ?? {}) as Body;
    const kind = typeof body.command === "string" ? "command" : String(body.type ?? "unknown");
    this.note(kind, rawBody);
    if (typeof body.command === "string") {
      return { status: 200, response: { response_type: "ephemeral", text: BUSY_WORDS.command } };
    }
    if (body.type === "view_submission" && body.view?.callback_id === IDS.questionnaire) {
      const firstBlock = IDS.questionBlock(this.knowledge.singleQuestions[0]?.id ?? "project_type");
      return {
        status: 200,
        response: { response_action: "errors", errors: { [firstBlock]: BUSY_WORDS.submission } },
      };
    }
    if (body.type === "event_callback") return { status: 503, retryAfterSeconds: 60 };
    return { status: 200 };
  }

  private note(kind: string, body: unknown): void {
    this.refusedSinceLine += 1;
    const t = this.now();
    if (t - this.lastLineAt < this.lineEveryMs) return;
    this.logger.warn(
      {
        kind,
        ...requestIds(body),
        refused: this.refusedSinceLine,
        outstanding: this.inFlight.size,
        cap: this.inFlight.cap,
      },
      "busy: requests refused",
    );
    this.refusedSinceLine = 0;
    this.lastLineAt = t;
  }
}
