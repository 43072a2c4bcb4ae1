/** The text helpers' Slack date token, and truncation that never leaves half a token behind. */
import { describe, expect, it } from "vitest";
import { slackDate, truncate } from "../../src/slack/blocks/text.js";

describe("slackDate", () => {
  it("is Slack's date token: whole seconds, {date_short}, the UTC ISO day as the fallback", () => {
    expect(slackDate(Date.UTC(2026, 10, 28, 23, 59, 59, 900))).toBe(
      "<!date^1795910399^{date_short}|2026-11-28>",
    );
    expect(slackDate(Date.UTC(2014, 1, 18, 14, 39, 42))).toBe("<!date^1392734382^{date_short}|2014-02-18>");
  });
});

describe("truncate", () => {
  const token = slackDate(Date.UTC(2026, 10, 28));
  const before = "x".repeat(100);

  it("drops a date token the limit falls inside, whole, rather than showing raw markup", () => {
    const text = `${before} on ${token} and more`;
    for (let max = before.length + 5; max <= before.length + 4 + token.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).toBe(`${before} on …`);
    }
    // Room for the whole token: it stays.
    expect(truncate(text, before.length + 5 + token.length)).toBe(`${before} on ${token}…`);
  });

  it("drops a half mention, channel or link the same way, and keeps a whole one", () => {
    expect(truncate(`${before} <@U05HV6XQ1AB> said`, before.length + 6)).toBe(`${before} …`);
    expect(truncate(`${before} <#C0AAAAAAAA> here`, before.length + 6)).toBe(`${before} …`);
    expect(truncate(`${before} <https://example.com|open> it`, before.length + 20)).toBe(`${before} …`);
    expect(truncate(`${before} <@U05HV6XQ1AB> said`, before.length + 17)).toBe(`${before} <@U05HV6XQ1AB> …`);
  });

  it("still never ends in half an escape, and leaves escaped text alone", () => {
    expect(truncate(`${before} a &lt;b&gt; c`, before.length + 6)).toBe(`${before} a …`);
    expect(truncate(`${before} a &lt;b&gt; c`, before.length + 10)).toBe(`${before} a &lt;b…`);
  });
});
