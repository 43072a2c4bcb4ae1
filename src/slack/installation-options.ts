/**
 * How the app gets its tokens, as Bolt constructor options spread into `new App(...)`:
 *
 * - one workspace: SLACK_BOT_TOKEN (`token`, and the bot ids when known);
 * - many workspaces: Bolt's own OAuth support. `GET /slack/install` is the "Add to Slack" page (it sets
 *   the state cookie), `GET /slack/oauth_redirect` exchanges the code (`oauth.v2.access`) and stores the
 *   installation, encrypted, in the database (`installationStore`); every request is then authorized with
 *   its workspace's installation, and Bolt rotates expiring tokens (refresh tokens are stored).
 *
 * The installer's Web API client gets the app's own client options (App passes them on when none are
 * given here), so SLACK_API_URL reaches the OAuth exchange, auth.test and token rotation too.
 */
import { type AppOptions, ErrorCode, type InstallationStore } from "@slack/bolt";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { requestIds } from "./services/request-log.js";
import type { SlackApi } from "./services/slack-api.js";

/** The bot scopes the app asks for: the same list as manifest.yml's oauth_config.scopes.bot (a test checks). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "app_mentions:read",
  "channels:history",
  "groups:history",
  "im:history",
  "im:write",
  "assistant:write",
  "canvases:write",
  "files:write",
] as const;

/** Bolt's default OAuth routes, named here so the README, the manifest and the tests agree. */
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

export type InstallationOptions = Pick<
  AppOptions,
  | "token"
  | "botId"
  | "botUserId"
  | "clientId"
  | "clientSecret"
  | "stateSecret"
  | "scopes"
  | "installationStore"
  | "installerOptions"
>;

export interface InstallationOptionsInput {
  config: Pick<Config, "installs" | "slack">;
  /** Where installations are kept (the database's encrypted store); used with many workspaces. */
  installationStore: InstallationStore;
  /** Known bot ids (one workspace) skip Bolt's auth.test call at start. */
  botId?: string | undefined;
  botUserId?: string | undefined;
}

/** Slack's authorize page beside its Web API: https://slack.com/api/ → https://slack.com/oauth/v2/authorize. */
export function authorizationUrlFor(apiUrl: string): string {
  return new URL("../oauth/v2/authorize", new URL(apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`)).toString();
}

export function installationOptions(input: InstallationOptionsInput): InstallationOptions {
  const { installs, slack } = input.config;
  if (installs.kind === "one") {
    return {
      token: slack.botToken,
      ...(input.botId ? { botId: input.botId } : {}),
      ...(input.botUserId ? { botUserId: input.botUserId } : {}),
    };
  }
  return {
    clientId: installs.clientId,
    clientSecret: installs.clientSecret,
    stateSecret: installs.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: input.installationStore,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // "Add to Slack" goes to the same Slack as the Web API (GovSlack, or a stand-in on this machine).
      ...(slack.apiUrl ? { authorizationUrl: authorizationUrlFor(slack.apiUrl) } : {}),
      // The install page shows an "Add to Slack" button (and sets the state cookie) rather than redirecting.
      directInstall: false,
      stateVerification: true,
    },
  };
}

/** True for Bolt's "Authorization of incoming event did not succeed" (no installation, or no way to read it). */
export function isAuthorizationError(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === ErrorCode.AuthorizationError;
}

/** Whether the cause, anywhere down the chain of wrapped errors, is "no installation for this workspace". */
function isNotInstalled(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if ((e as { name?: unknown }).name === "InstallationNotFoundError") return true;
    e = (e as { original?: unknown; cause?: unknown }).original ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export const CANNOT_AUTHORIZE =
  "Sorry, I can't answer right now: I couldn't read this workspace's installation (my database isn't answering). Please try again in a few minutes.";

/**
 * A request Bolt could not authorize (many workspaces). No installation for the workspace: logged, then
 * left to Bolt, whose HTTP receiver answers 401 and runs no listener. The installation could not be read
 * (the database is down, or the key is wrong): logged as an error; a person who used a command or a
 * button is told through its response_url (no token needed) and the request is acknowledged; anything
 * else gets Bolt's 401, and Slack retries events later.
 * @throws the error again when Bolt should answer it.
 */
export async function handleAuthorizationFailure(
  error: Error,
  body: unknown,
  logger: Logger,
  api: SlackApi,
): Promise<void> {
  const ids = requestIds(body);
  const original = (error as { original?: unknown }).original;
  if (isNotInstalled(error)) {
    logger.warn(
      { ...ids },
      "a request from a workspace with no installation: it must install the app (GET /slack/install) first",
    );
    throw error;
  }
  logger.error({ err: original ?? error, ...ids }, "could not read the workspace's installation");
  // A response_url needs no token; it is posted once, bounded like any of the app's calls.
  const calls = api.forRequest(Date.now(), logger);
  const responseUrl = calls.responseUrlOf(body);
  if (!responseUrl) throw error;
  await calls
    .respond(responseUrl, {
      response_type: "ephemeral",
      replace_original: false,
      text: CANNOT_AUTHORIZE,
    })
    .catch((err: unknown) => logger.warn({ err }, "response_url failed"));
}
