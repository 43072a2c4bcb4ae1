import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { ResponseUrls } from "./bridge/response-urls.js";
import type { InputValue } from "./bridge/view-state.js";
import { receiveUpload } from "./fake-slack/file-methods.js";
import { handleWebApi } from "./fake-slack/http.js";
import type { SlackState } from "./fake-slack/state.js";
import type { Json } from "./fake-slack/types.js";
import { BodyTooLarge, readBody, readBytes, sendJson } from "./http-util.js";
import type { PageFile } from "./page-files.js";
import type { ActionInput, Playground } from "./playground.js";

/** Defence in depth: even if some text slipped through escaping, no inline script could run. */
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

export interface Routes {
  state: SlackState;
  playground: () => Playground | undefined;
  responseUrls: ResponseUrls;
  files: Map<string, PageFile>;
  logger: Logger;
  /** Host headers the server answers (its own names and port): another site's name pointed here is refused. */
  hosts: ReadonlySet<string>;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

async function readJson(req: IncomingMessage): Promise<Json | undefined> {
  // Only JSON: a page on another site cannot send that without a CORS preflight, which is never answered.
  if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return undefined;
  try {
    const v: unknown = JSON.parse((await readBody(req)) || "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

function serveEvents(state: SlackState, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  res.write(`data: ${state.version}\n\n`);
  const stop = state.onChange(() => res.write(`data: ${state.version}\n\n`));
  const ping = setInterval(() => res.write(": ping\n\n"), 15_000);
  req.on("close", () => {
    stop();
    clearInterval(ping);
  });
}

/** What the page can ask for: each handler returns the JSON to answer with. */
function pageActions(p: Playground): Record<string, (body: Json) => Promise<unknown> | unknown> {
  return {
    compose: (b) => p.compose(str(b.text) ?? "", str(b.threadTs)),
    action: (b) => p.action(b as unknown as ActionInput),
    submit: (b) => p.submitView(str(b.viewId) ?? "", (b.values ?? {}) as Record<string, InputValue>),
    close: (b) => p.closeView(str(b.viewId) ?? ""),
    home: () => p.openHome(),
    pane: () => p.openPane(),
    ask: (b) => p.askPane(str(b.text) ?? ""),
    dismiss: (b) => p.dismiss(str(b.channel) ?? "", str(b.ts) ?? ""),
    as: (b) => p.actAs(str(b.user) ?? ""),
  };
}

/** The one HTTP server's routes: the page, its JSON API, response_urls, and the Web API stand-in. */
export function requestHandler(routes: Routes) {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a page on another site whose name resolves here still sends its own Host.
    if (!routes.hosts.has((req.headers.host ?? "").toLowerCase())) {
      return sendJson(res, 421, { ok: false, error: "host_not_allowed" });
    }
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    if (method === "GET" && (pathname === "/" || pathname.startsWith("/page/"))) {
      const file = routes.files.get(pathname === "/" ? "index.html" : pathname.slice("/page/".length));
      if (!file) return sendJson(res, 404, { ok: false, error: "not_found" });
      res.writeHead(200, { "content-type": file.type, ...PAGE_HEADERS });
      res.end(file.body);
      return;
    }
    if (method === "GET" && pathname === "/healthz")
      return sendJson(res, 200, { ok: true, mode: "playground" });
    if (method === "GET" && pathname === "/playground/events") return serveEvents(routes.state, req, res);
    const playground = routes.playground();
    if (method === "GET" && pathname === "/playground/state" && playground) {
      return sendJson(res, 200, playground.snapshot());
    }
    if (method !== "POST") return sendJson(res, 404, { ok: false, error: "not_found" });

    const api = /^\/api\/([A-Za-z.]+)$/.exec(pathname);
    if (api?.[1]) return handleWebApi(routes.state, api[1], req, res);

    // A file's bytes, posted to the upload_url files.getUploadURLExternal handed out.
    const upload = /^\/upload\/(F[0-9A-F]+)$/.exec(pathname);
    if (upload?.[1]) {
      const out = await receiveUpload(
        routes.state,
        upload[1],
        req.headers["content-type"],
        await readBytes(req),
      );
      res.writeHead(out.status, { "content-type": "text/plain" });
      res.end(out.body);
      return;
    }

    const response = /^\/playground\/response\/([0-9a-f]+)$/.exec(pathname);
    if (response?.[1]) {
      const body = (await readJson(req)) ?? {};
      const out = routes.responseUrls.post(response[1], body);
      res.writeHead(out.status, { "content-type": "text/plain" });
      res.end(out.body);
      return;
    }

    const name = /^\/playground\/([a-z]+)$/.exec(pathname)?.[1];
    const action = playground && name ? pageActions(playground)[name] : undefined;
    if (!action) return sendJson(res, 404, { ok: false, error: "not_found" });
    const body = await readJson(req);
    if (!body) return sendJson(res, 400, { ok: false, error: "expected a JSON body" });
    sendJson(res, 200, await action(body));
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      const tooLarge = err instanceof BodyTooLarge;
      if (!tooLarge) routes.logger.error({ err, url: req.url }, "playground request failed");
      if (!res.headersSent)
        sendJson(res, tooLarge ? 413 : 500, { ok: false, error: tooLarge ? "too_large" : "internal_error" });
      else res.end();
    });
  };
}
