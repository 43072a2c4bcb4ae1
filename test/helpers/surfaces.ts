/**
 * Payloads for the agent side pane and the Workflow Builder step, from test/fixtures/inbound in the shapes
 * Slack sends (assistant_thread_started / _context_changed: Slack's event reference and @slack/types;
 * the pane message: a `message.im` event with `thread_ts` and `channel_type: "im"`, as bolt-js's
 * Assistant tests build it; function_executed: bolt-js's `createDummyCustomFunctionMiddlewareArgs`
 * envelope with this app's step definition), changing only what a test is about.
 */
import { loadFixture } from "./slack-request.js";

type Json = Record<string, unknown>;
type Envelope = Json & { event: Json };

/** The app's DM with the person, where the pane's threads live. */
export const PANE_DM = "D07R3N8K2LP";
/** The pane thread of the fixtures. */
export const PANE_THREAD_TS = "1732385100.219409";
/** The channel beside the pane in the started fixture (the channel of every other fixture). */
export const BESIDE_CHANNEL = "C07QF9S3K2L";
/** The channel the context_changed fixture moves to. */
export const OTHER_CHANNEL = "C07QM4R8T1V";

let seq = 0;
const next = () => {
  seq += 1;
  return seq;
};

/** assistant_thread_started, beside `channel` (none: opened from the app's own DM), in thread `threadTs`. */
export function paneStarted(opts: { channel?: string | null; threadTs?: string } = {}): Envelope {
  const base = loadFixture<Envelope>("inbound/event_assistant_thread_started.json");
  const thread = base.event.assistant_thread as Json;
  const context = thread.context as Json;
  const channel = opts.channel === undefined ? context.channel_id : opts.channel;
  const n = next();
  return {
    ...base,
    event_id: `Ev082PANEST${n}`,
    event: {
      ...base.event,
      assistant_thread: {
        ...thread,
        thread_ts: opts.threadTs ?? thread.thread_ts,
        context: channel === null ? {} : { ...context, channel_id: channel },
      },
    },
  };
}

/** assistant_thread_context_changed: the person moved to `channel` with the pane open. */
export function paneContextChanged(channel: string, threadTs = PANE_THREAD_TS): Envelope {
  const base = loadFixture<Envelope>("inbound/event_assistant_thread_context_changed.json");
  const thread = base.event.assistant_thread as Json;
  return {
    ...base,
    event_id: `Ev082PANECC${next()}`,
    event: {
      ...base.event,
      assistant_thread: {
        ...thread,
        thread_ts: threadTs,
        context: { ...(thread.context as Json), channel_id: channel },
      },
    },
  };
}

/** The person's message in a pane thread (a new ts and event_id each time). */
export function paneMessage(text: string, threadTs = PANE_THREAD_TS, extra: Json = {}): Envelope {
  const base = loadFixture<Envelope>("inbound/event_message_assistant_thread.json");
  const n = next();
  const ts = `1732385130.${String(500000 + n)}`;
  return {
    ...base,
    event_id: `Ev082PANEMS${n}`,
    event: {
      ...base.event,
      text,
      blocks: [
        {
          type: "rich_text",
          block_id: "pQ7vz",
          elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
        },
      ],
      ts,
      event_ts: ts,
      thread_ts: threadTs,
      ...extra,
    },
  };
}

/** function_executed for the step with these inputs (the fixture's inputs replaced whole), or another callback id. */
export function stepExecuted(inputs?: Json, callbackId = "recommend_framework"): Envelope {
  const base = loadFixture<Envelope>("inbound/event_function_executed.json");
  const n = next();
  return {
    ...base,
    event_id: `Ev08R3FNEX${n}`,
    event: {
      ...base.event,
      function: { ...(base.event.function as Json), callback_id: callbackId },
      function_execution_id: `Fx08R3C1D2E${n}`,
      ...(inputs ? { inputs } : {}),
    },
  };
}

/** The fixture's step inputs. */
export function fixtureStepInputs(): Json {
  return { ...(loadFixture<Envelope>("inbound/event_function_executed.json").event.inputs as Json) };
}

/** The workflow token Slack sends with each execution: the step's Web API calls must use it. */
export function fixtureStepToken(): string {
  return String(loadFixture<Envelope>("inbound/event_function_executed.json").event.bot_access_token);
}
