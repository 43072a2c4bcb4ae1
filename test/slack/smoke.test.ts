import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiFixture, buildTestApp, mockApi, send } from "../helpers/slack-app.js";
import { loadFixture } from "../helpers/slack-request.js";

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("smoke", () => {
  it("opens the modal, then posts the recommendation on submit", async () => {
    const { app } = buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const command = { ...loadFixture<Record<string, string>>("inbound/slash_command.json"), text: "" };
    await send(app, command);
    expect(opens).toHaveLength(1);
    const view = opens[0]?.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{
        block_id?: string;
        element?: { options?: Array<{ value: string }>; initial_option?: { value: string } };
      }>;
    };
    expect(view.callback_id).toBe("questionnaire");
    // Submit with the defaults the modal shows.
    const values: Record<string, Record<string, unknown>> = {};
    for (const b of view.blocks) {
      if (!b.block_id?.startsWith("q_")) continue;
      values[b.block_id] = {
        value: {
          type: "x",
          selected_option: b.element?.initial_option ?? null,
          selected_options: [],
          value: null,
        },
      };
    }
    values.q_needs = {
      value: { type: "multi_static_select", selected_options: [{ value: "admin" }, { value: "auth" }] },
    };
    values.q_size = { value: { type: "radio_buttons", selected_option: { value: "large" } } };
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const sub = loadFixture<Record<string, any>>("inbound/view_submission.json");
    sub.view = {
      ...sub.view,
      callback_id: "questionnaire",
      private_metadata: view.private_metadata,
      state: { values },
    };
    const acked = await send(app, sub);
    expect(acked).toBeUndefined();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe(command.channel_id);
    expect((posts[0]?.metadata as any).event_type).toBe("flask_or_django_recommendation");
    console.log(posts[0]?.text);
    console.log(JSON.stringify(posts[0]?.blocks).length);
  });
});
