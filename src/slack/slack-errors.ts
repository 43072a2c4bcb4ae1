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

/** Why a call was never (or no longer) attempted: it could not have finished in time. */
export type DeadlineReason = "deadline" | "shutdown" | "trigger_expired";

/**
 * Our own error, in the same style as the client's: a Web API call (or a response_url post) was not
 * attempted because it could not finish before its deadline (the request's time is up, the app is
 * shutting down, or the trigger_id is too old to open a form).
 */
export class DeadlineError extends Error {
  readonly code = "deadline_exceeded";
  constructor(
    readonly method: string,
    readonly reason: DeadlineReason,
  ) {
    super(`${method} not attempted: ${reason}`);
    this.name = "DeadlineError";
  }
}

export function isDeadlineError(err: unknown): err is DeadlineError {
  return codeOf(err) === "deadline_exceeded";
}

/** A request that was sent but got no answer within the client's timeout. */
export function isTimeout(err: unknown): boolean {
  return isRequestError(err) && err.original?.name === "TimeoutError";
}

/** Slack's own words for a passing failure on its side (HTTP 200 with ok: false). */
const TRANSIENT_PLATFORM = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
]);

/**
 * Worth another attempt: the connection failed or timed out, Slack answered 5xx, Slack said it failed
 * on its side, or it asked us to wait (the caller decides whether the wait fits its deadline).
 */
export function isRetryable(err: unknown): boolean {
  if (isRequestError(err) || isRateLimitedError(err)) return true;
  if (isHttpError(err)) return err.statusCode >= 500 || err.statusCode === 408;
  return isPlatformError(err) && TRANSIENT_PLATFORM.has(err.data.error);
}

/** A failure of a Web API call (refused, unreachable, rate-limited, out of time), not of our own code or database. */
export function isSlackError(err: unknown): boolean {
  return (
    isPlatformError(err) ||
    isRateLimitedError(err) ||
    isRequestError(err) ||
    isHttpError(err) ||
    isDeadlineError(err)
  );
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

/**
 * Refusals a later attempt cannot get past: the channel is gone or closed to the app, the app was
 * removed, the account is deactivated. Work that retries (the reminders' sweep) stops on these.
 */
const NEVER_POSSIBLE = new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "account_inactive",
  "token_revoked",
  "invalid_auth",
  "not_authed",
  "team_not_found",
  "restricted_action",
]);

export function isPermanentRefusal(err: unknown): boolean {
  return isPlatformError(err) && NEVER_POSSIBLE.has(err.data.error);
}

const TOO_LARGE = new Set(["msg_blocks_too_long", "invalid_blocks", "metadata_too_large"]);

/** A failed call in words a person can act on. */
export function reasonWords(err: unknown): string {
  if (isRateLimitedError(err) || (isPlatformError(err) && err.data.error === "ratelimited")) {
    return "Slack asked us to slow down";
  }
  if (isDeadlineError(err)) {
    return err.reason === "shutdown" ? "the app is restarting" : "Slack took too long to answer";
  }
  if (isTimeout(err)) return "Slack took too long to answer";
  if (isHttpError(err)) return "Slack is having trouble right now";
  if (isPlatformError(err)) {
    if (TRANSIENT_PLATFORM.has(err.data.error)) return "Slack is having trouble right now";
    return TOO_LARGE.has(err.data.error)
      ? "Slack found the message too large"
      : `Slack answered “${err.data.error}”`;
  }
  return "Slack could not be reached";
}

/** The channel has its canvas already (one per channel; on free plans one canvas tab): make another kind. */
const CHANNEL_CANVAS_TAKEN = new Set([
  "channel_canvas_already_exists",
  "free_team_canvas_tab_already_exists",
]);

export function isChannelCanvasTaken(err: unknown): boolean {
  return isPlatformError(err) && CHANNEL_CANVAS_TAKEN.has(err.data.error);
}

/**
 * A canvas call's refusals that mean canvases cannot be made here, whatever we retry, so the file upload
 * is the next thing to try: the plan has none, an admin turned them off or keeps them to some people
 * (`restricted_action` on a canvas call: canvases are restricted, not the channel), the method is not for
 * this org, the install predates the scope, or Slack could not make it. An explicit list (Slack's error
 * lists for conversations.canvases.create and canvases.create): anything else (a token that no longer
 * works, bad arguments, an admin's suspension) stops the export, because a file would fail the same way.
 */
const CANVASES_UNAVAILABLE = new Set([
  "team_tier_cannot_create_channel_canvases",
  "free_teams_cannot_create_non_tabbed_canvases",
  "canvas_disabled_user_team",
  "restricted_action",
  "not_allowed",
  "enterprise_is_restricted",
  "missing_scope",
  "canvas_creation_failed",
  "channel_canvas_creation_failed",
  "canvas_tab_creation_failed",
]);

export function isCanvasUnavailable(err: unknown): boolean {
  return isPlatformError(err) && CANVASES_UNAVAILABLE.has(err.data.error);
}
