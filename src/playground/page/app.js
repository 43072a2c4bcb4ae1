// The playground page: shows what the stand-in for Slack holds, and sends what the person does to
// the playground server, which turns it into the request Slack would send the app.
import { renderBlocks } from "./blocks.js";
import { renderMarkdown } from "./markdown.js";
import { escapeHtml, mrkdwn } from "./mrkdwn.js";

const $ = (id) => document.getElementById(id);
let state = null;
let tab = "channel";
let openThread = null;
let paneOpen = false;
let openCanvas = null;
let modalKey = null;

async function post(path, body = {}) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

const time = (ts) =>
  new Date(Number(ts) * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const isTop = (m) => m.thread_ts === null || m.thread_ts === m.ts;
const repliesTo = (ts) => state.messages.filter((m) => m.thread_ts === ts && m.ts !== ts);

function messageHtml(m, inThread) {
  const name = state.users[m.user] ?? m.user;
  const app = m.bot ? '<span class="badge">APP</span>' : "";
  const body = m.blocks
    ? renderBlocks(m.blocks, { names: state.users, surface: "message" })
    : `<div class="text">${mrkdwn(m.text, state.users)}</div>`;
  const files = (m.files ?? []).map((id) => fileHtml(state.files[id])).join("");
  const ephemeral = m.ephemeral
    ? `<div class="only-you">Only visible to you · <button type="button" class="link" data-dismiss="${escapeHtml(m.ts)}">Dismiss</button></div>`
    : "";
  let thread = "";
  if (!inThread && isTop(m) && !m.ephemeral) {
    const n = repliesTo(m.ts).filter((r) => !r.ephemeral).length;
    const label = n === 0 ? "Reply in thread" : `${n} ${n === 1 ? "reply" : "replies"}`;
    thread = `<button type="button" class="link thread-link" data-thread="${escapeHtml(m.ts)}">${label}</button>`;
  }
  const initial = escapeHtml(name.slice(0, 1).toUpperCase());
  return `<article class="message${m.ephemeral ? " ephemeral" : ""}" data-msg-ts="${escapeHtml(m.ts)}">
    <div class="avatar${m.bot ? " bot" : ""}" aria-hidden="true">${initial}</div>
    <div class="content">
      <div class="meta"><span class="name">${escapeHtml(name)}</span>${app}<span class="time">${time(m.ts)}</span></div>
      ${ephemeral}${body}${files}${thread}
    </div></article>`;
}

/** A shared file, as Slack previews a text file: its name, then its text. */
function fileHtml(file) {
  if (!file) return '<div class="file">a file that is no longer shared</div>';
  return `<details class="file" open><summary>${escapeHtml(file.name)} <span class="file-kind">Markdown</span></summary><pre>${escapeHtml(file.content)}</pre></details>`;
}

function renderList(el, messages, inThread) {
  const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  el.innerHTML =
    messages.map((m) => messageHtml(m, inThread)).join("") || '<p class="empty">No messages yet.</p>';
  if (atBottom || inThread) el.scrollTop = el.scrollHeight;
}

function renderChannel() {
  renderList($("messages"), state.messages.filter(isTop), false);
}

const day = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);

function renderThread() {
  const pane = $("thread");
  const parent = openThread && state.messages.find((m) => m.ts === openThread);
  pane.hidden = !parent;
  if (!parent) return;
  renderList($("thread-messages"), [parent, ...repliesTo(parent.ts)], true);
  // What the app scheduled here (a revisit reminder): Slack posts it on the day.
  const scheduled = state.scheduled.filter((m) => m.thread_ts === parent.ts);
  $("thread-messages").insertAdjacentHTML(
    "beforeend",
    scheduled
      .map(
        (m) =>
          `<div class="scheduled" data-scheduled="${escapeHtml(m.id)}">⏰ Scheduled by ${escapeHtml(state.bot.name)} for ${day(m.post_at)}: ${mrkdwn(m.text, state.users)}</div>`,
      )
      .join(""),
  );
}

/** Who is typing: one channel, several people. */
function renderPeople() {
  const select = $("as");
  const options = state.people
    .map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.name)}</option>`)
    .join("");
  if (select.dataset.options !== options) {
    select.innerHTML = options;
    select.dataset.options = options;
  }
  select.value = state.me.id;
}

function renderPane() {
  const pane = state.pane;
  $("pane").hidden = !paneOpen || !pane;
  if (!paneOpen || !pane) return;
  $("pane-title").textContent = pane.title || "flask-or-django";
  renderList($("pane-messages"), pane.messages, true);
  // Slack shows the suggested prompts until the person first writes in the thread.
  const asked = pane.messages.some((m) => m.user === state.me.id);
  $("pane-prompts").innerHTML =
    asked || pane.prompts.length === 0
      ? ""
      : `<div class="prompts-title">${escapeHtml(pane.promptsTitle)}</div>${pane.prompts
          .map(
            (p) =>
              `<button type="button" class="prompt" data-prompt="${escapeHtml(p.message)}">${escapeHtml(p.title)}</button>`,
          )
          .join("")}`;
  $("pane-status").textContent = pane.status ? `${state.bot.name} ${pane.status}` : "";
}

/** The canvas open beside the channel (the channel's own, or one shared with it), rendered. */
function renderCanvas() {
  const canvas = openCanvas && state.canvases.find((c) => c.id === openCanvas);
  $("canvas").hidden = !canvas;
  const own = state.canvases.find((c) => c.channelCanvas);
  $("canvas-open").hidden = !own;
  if (own) $("canvas-open").dataset.canvas = own.id;
  if (!canvas) return;
  $("canvas-title").textContent = canvas.title;
  $("canvas-body").innerHTML = renderMarkdown(canvas.markdown, state.users);
}

/** A link to a canvas of this workspace (…/docs/T…/F…) that the page can show, or null. */
function canvasOfLink(a) {
  const m = /\/docs\/([A-Z0-9]+)\/(F[A-Z0-9]+)$/.exec(a.getAttribute("href") ?? "");
  return m && m[1] === state.teamId && state.canvases.some((c) => c.id === m[2]) ? m[2] : null;
}

function showCanvas(id) {
  openCanvas = id;
  openThread = null;
  paneOpen = false;
  tab = "channel";
  render();
}

function renderHome() {
  $("home").innerHTML = state.home
    ? renderBlocks(state.home.blocks, { names: state.users, surface: "home" })
    : '<p class="empty">Opening App Home…</p>';
  $("dm").innerHTML = state.dm.length
    ? `<h4>Messages</h4>${state.dm.map((m) => messageHtml(m, true)).join("")}`
    : "";
}

function renderModal() {
  const overlay = $("overlay");
  const form = $("modal");
  if (!state.modal) {
    overlay.hidden = true;
    modalKey = null;
    return;
  }
  const { view, errors } = state.modal;
  const key = `${view.id}:${view.hash}`;
  if (key !== modalKey) {
    // Rebuilt only when the view itself changes, so what the person typed is never lost.
    modalKey = key;
    const title = escapeHtml(view.title?.text ?? "");
    form.dataset.viewId = view.id;
    form.innerHTML = `<header class="modal-header"><h2 id="modal-title">${title}</h2>
        <button type="button" class="icon" data-modal-close aria-label="Close">&times;</button></header>
      <div class="error" data-error-for="" role="alert"></div>
      <div class="modal-body">${renderBlocks(view.blocks, {
        names: state.users,
        surface: "modal",
        conversations: state.conversations,
        currentConversation: state.channel.id,
      })}</div>
      <footer class="modal-footer">
        <button type="button" class="btn" data-modal-close>${escapeHtml(view.close?.text ?? "Cancel")}</button>
        ${view.submit ? `<button type="submit" class="btn btn-primary">${escapeHtml(view.submit.text)}</button>` : ""}
      </footer>`;
    overlay.hidden = false;
    form.querySelector("input, select, textarea")?.focus();
  }
  for (const el of form.querySelectorAll("[data-error-for]")) {
    el.textContent = errors[el.dataset.errorFor] ?? "";
    el.closest(".block")?.classList.toggle("has-error", Boolean(errors[el.dataset.errorFor]));
  }
}

function render() {
  $("channel-pane").hidden = tab !== "channel";
  $("home-pane").hidden = tab !== "home";
  for (const b of document.querySelectorAll("[data-tab]")) {
    if (b.dataset.tab === tab) b.setAttribute("aria-current", "page");
    else b.removeAttribute("aria-current");
  }
  renderPeople();
  renderChannel();
  renderThread();
  renderPane();
  renderCanvas();
  renderHome();
  renderModal();
}

async function refresh() {
  const res = await fetch("/playground/state");
  const next = await res.json();
  if (state && next.version < state.version) return;
  state = next;
  document.body.dataset.version = String(state.version);
  render();
}

// One refresh at a time; changes that arrive meanwhile are read by one more refresh afterwards.
let refreshing = null;
let again = false;
function scheduleRefresh() {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = refresh().finally(() => {
    refreshing = null;
    if (again) {
      again = false;
      scheduleRefresh();
    }
  });
}

/** The modal's answers, by block_id: a value, a list of values, or null. */
function modalValues(form) {
  const values = {};
  for (const el of form.querySelectorAll("[data-input-type]")) {
    const name = el.getAttribute("name") ?? el.querySelector("input")?.name;
    if (!name) continue;
    const type = el.dataset.inputType;
    if (type === "radio_buttons") values[name] = el.querySelector("input:checked")?.value ?? null;
    else if (type === "multi_static_select")
      values[name] = [...el.querySelectorAll("input:checked")].map((i) => i.value);
    else values[name] = el.value === "" ? null : el.value;
  }
  return values;
}

function surfaceOf(el) {
  const msg = el.closest("[data-msg-ts]");
  if (el.closest("#home")) return { surface: "home" };
  // The pane's thread lives in the app's DM.
  const channel = el.closest("#pane") ? state.dmChannel : state.channel.id;
  return msg ? { surface: "message", channel, ts: msg.dataset.msgTs } : null;
}

function wireComposer(formId, inputId, threadTs) {
  const form = $(formId);
  const input = $(inputId);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = input.value;
    if (text.trim() === "") return;
    input.value = "";
    await post("/playground/compose", { text, ...(threadTs() ? { threadTs: threadTs() } : {}) });
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
}

function wire() {
  wireComposer("composer", "composer-input", () => undefined);
  wireComposer("thread-composer", "thread-input", () => openThread);
  const paneInput = $("pane-input");
  $("pane-composer").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = paneInput.value;
    if (text.trim() === "") return;
    paneInput.value = "";
    await post("/playground/ask", { text });
  });
  paneInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      $("pane-composer").requestSubmit();
    }
  });
  document.addEventListener("click", async (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    const link = t.closest("a[href]");
    const linked = link && canvasOfLink(link);
    if (linked) {
      e.preventDefault();
      showCanvas(linked);
      return;
    }
    const canvasButton = t.closest("#canvas-open");
    if (canvasButton) {
      showCanvas(canvasButton.dataset.canvas);
      return;
    }
    if (t.closest("#canvas-close")) {
      openCanvas = null;
      renderCanvas();
      return;
    }
    const tabButton = t.closest("[data-tab]");
    if (tabButton) {
      tab = tabButton.dataset.tab;
      render();
      if (tab === "home") await post("/playground/home");
      return;
    }
    const tip = t.closest("[data-tip]");
    if (tip) {
      $("composer-input").value = tip.dataset.tip;
      $("composer-input").focus();
      return;
    }
    if (t.closest("#pane-open")) {
      // Like Slack's side panel, the pane takes the place of an open thread; each opening is a new chat.
      openThread = null;
      openCanvas = null;
      paneOpen = true;
      renderThread();
      await post("/playground/pane");
      $("pane-input").focus();
      return;
    }
    if (t.closest("#pane-close")) {
      paneOpen = false;
      renderPane();
      return;
    }
    const prompt = t.closest("[data-prompt]");
    if (prompt) {
      await post("/playground/ask", { text: prompt.dataset.prompt });
      return;
    }
    const threadLink = t.closest("[data-thread]");
    if (threadLink) {
      openThread = threadLink.dataset.thread;
      paneOpen = false;
      openCanvas = null;
      renderPane();
      renderThread();
      $("thread-input").focus();
      return;
    }
    if (t.closest("#thread-close")) {
      openThread = null;
      renderThread();
      return;
    }
    const dismiss = t.closest("[data-dismiss]");
    if (dismiss) {
      await post("/playground/dismiss", { channel: state.channel.id, ts: dismiss.dataset.dismiss });
      return;
    }
    if (t.closest("[data-modal-close]")) {
      await post("/playground/close", { viewId: $("modal").dataset.viewId });
      return;
    }
    const button = t.closest("button[data-action-id]");
    const where = button && surfaceOf(button);
    if (button && where) {
      button.disabled = true;
      await post("/playground/action", {
        ...where,
        blockId: button.dataset.blockId,
        actionId: button.dataset.actionId,
      });
      button.disabled = false;
    }
  });
  $("as").addEventListener("change", async (e) => {
    await post("/playground/as", { user: e.target.value });
    await refresh();
  });
  document.addEventListener("change", async (e) => {
    if (e.target instanceof Element && e.target.id === "as") return;
    const select = e.target instanceof HTMLSelectElement && !e.target.closest("#modal") ? e.target : null;
    const where = select?.dataset.actionId && surfaceOf(select);
    if (!select || !where) return;
    await post("/playground/action", {
      ...where,
      blockId: select.dataset.blockId,
      actionId: select.dataset.actionId,
      value: select.value,
    });
  });
  $("modal").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = $("modal");
    const submit = form.querySelector('button[type="submit"]');
    if (submit) submit.disabled = true;
    try {
      await post("/playground/submit", { viewId: form.dataset.viewId, values: modalValues(form) });
    } finally {
      if (submit) submit.disabled = false;
    }
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && state?.modal) post("/playground/close", { viewId: $("modal").dataset.viewId });
  });
}

wire();
await refresh();
// Live updates: the server says when anything changed; the page then reads the new state.
const events = new EventSource("/playground/events");
events.addEventListener("message", () => scheduleRefresh());
