import { webApi } from "@slack/bolt";

/**
 * Web API failures, told apart by the client's own error classes (through their `code`, which
 * survives a second copy of @slack/web-api where `instanceof` would not).
 */
const { ErrorCode } = webApi;

export function isPlatformError(err: unknown): err is webApi.WebAPIPlatformError {
  return codeOf(err) === ErrorCode.PlatformError;
}

export function isRateLimitedError(err: unknown): err is webApi.WebAPIRateLimitedError {
  return codeOf(err) === ErrorCode.RateLimitedError;
}

export function isRequestError(err: unknown): err is webApi.WebAPIRequestError {
  return codeOf(err) === ErrorCode.RequestError;
}

export function isHttpError(err: unknown): err is webApi.WebAPIHTTPError {
  return codeOf(err) === ErrorCode.HTTPError;
}

function codeOf(err: unknown): unknown {
  return err instanceof Error ? (err as { code?: unknown }).code : undefined;
}

/** Slack's error string for a refused call (`not_in_channel`…), else the client's error code. */
export function slackErrorCode(err: unknown): string {
  if (isPlatformError(err)) return err.data.error;
  const code = codeOf(err);
  return typeof code === "string" ? code : "unknown_error";
}

/** Refusals that mean "you can't post there", where another route still reaches the person. */
const NO_ACCESS = new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "restricted_action",
  "cannot_reply_to_message",
]);

export function isNoAccess(err: unknown): boolean {
  return isPlatformError(err) && NO_ACCESS.has(err.data.error);
}

const TOO_LARGE = new Set(["msg_blocks_too_long", "invalid_blocks", "metadata_too_large"]);

/** A failed call in words a person can act on. */
export function reasonWords(err: unknown): string {
  if (isRateLimitedError(err) || (isPlatformError(err) && err.data.error === "ratelimited")) {
    return "Slack asked us to slow down";
  }
  if (isPlatformError(err)) {
    return TOO_LARGE.has(err.data.error)
      ? "Slack found the message too large"
      : `Slack answered “${err.data.error}”`;
  }
  return "Slack could not be reached";
}
