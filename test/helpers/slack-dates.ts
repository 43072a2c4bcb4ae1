/**
 * Slack date tokens in expectations. `<!date^SECONDS^{date_short}|YYYY-MM-DD>` shows in each reader's
 * own time zone; where Slack can't format it shows the fallback after `|`.
 */

const TOKEN = /<!date\^(\d+)\^([^|>^]+)\|([^>]*)>/g;

/**
 * The text with each date token replaced by its fallback, so whole-string expectations stay readable.
 * Throws when a token is not `{date_short}` or its fallback is not the UTC day of its seconds.
 */
export function withFallbackDates(text: string): string {
  return text.replace(TOKEN, (token, seconds: string, format: string, fallback: string) => {
    const day = new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
    if (format !== "{date_short}" || fallback !== day)
      throw new Error(`date token ${token} does not say ${day} as {date_short}`);
    return fallback;
  });
}
