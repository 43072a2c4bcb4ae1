// Block Kit → HTML for the playground page: exactly the blocks and elements the app uses. Anything
// else is shown as a visible "unsupported" box, never dropped, so a gap in the playground is obvious.
import { escapeHtml, mrkdwn, plainText } from "./mrkdwn.js";

const attr = (value) => escapeHtml(value ?? "");

function unsupported(kind, type) {
  return `<div class="unsupported" role="note">unsupported ${kind}: ${escapeHtml(String(type))}</div>`;
}

/** A text object: mrkdwn or plain_text. */
export function textObject(t, ctx) {
  if (!t || typeof t !== "object") return "";
  if (t.type === "mrkdwn") return mrkdwn(t.text, ctx.names);
  if (t.type === "plain_text") return plainText(t.text, t.emoji !== false);
  return unsupported("text", t.type);
}

function optionsOf(element) {
  const groups = Array.isArray(element.option_groups) ? element.option_groups : [];
  return [...(element.options ?? []), ...groups.flatMap((g) => g.options ?? [])];
}

function optionTags(element, selected) {
  return optionsOf(element)
    .map((o) => {
      const text = o.text?.text ?? "";
      const desc = o.description?.text ? ` \u2014 ${o.description.text}` : "";
      const sel = selected.has(o.value) ? " selected" : "";
      return `<option value="${attr(o.value)}"${sel}>${plainText(text + desc)}</option>`;
    })
    .join("");
}

const ids = (element, blockId) =>
  `data-action-id="${attr(element.action_id)}" data-block-id="${attr(blockId)}"`;

/** Interactive elements in messages and App Home (actions blocks, section accessories). */
function interactive(element, blockId) {
  if (element.type === "button") {
    const style = element.style === "primary" || element.style === "danger" ? ` btn-${element.style}` : "";
    const label = element.accessibility_label ? ` aria-label="${attr(element.accessibility_label)}"` : "";
    return `<button type="button" class="btn${style}" ${ids(element, blockId)}${label}>${textObject(element.text, {})}</button>`;
  }
  if (element.type === "static_select") {
    const placeholder = element.placeholder?.text ?? "Select an item";
    const initial = element.initial_option?.value;
    return `<select class="select" ${ids(element, blockId)} aria-label="${attr(placeholder)}"><option value="" disabled${initial ? "" : " selected"}>${plainText(placeholder)}</option>${optionTags(element, new Set(initial ? [initial] : []))}</select>`;
  }
  return unsupported("element", element.type);
}

/** Form controls inside a modal's input blocks; `name` is the block_id, read back on submit. */
function inputElement(element, blockId, ctx) {
  const name = attr(blockId);
  const kind = `data-input-type="${attr(element.type)}"`;
  const labelled = `aria-labelledby="label-${name}"`;
  switch (element.type) {
    case "static_select": {
      const initial = element.initial_option?.value;
      const placeholder = element.placeholder?.text ?? "Select an item";
      return `<select class="select" name="${name}" ${kind} ${labelled}><option value=""${initial ? "" : " selected"}>${plainText(placeholder)}</option>${optionTags(element, new Set(initial ? [initial] : []))}</select>`;
    }
    case "radio_buttons": {
      const initial = element.initial_option?.value;
      const radios = optionsOf(element)
        .map((o) => {
          const checked = o.value === initial ? " checked" : "";
          const desc = o.description ? `<span class="desc">${textObject(o.description, ctx)}</span>` : "";
          return `<label class="radio"><input type="radio" name="${name}" value="${attr(o.value)}"${checked}><span><span class="opt">${textObject(o.text, ctx)}</span>${desc}</span></label>`;
        })
        .join("");
      return `<div class="radios" role="radiogroup" ${kind} ${labelled}>${radios}</div>`;
    }
    case "multi_static_select": {
      const chosen = new Set((element.initial_options ?? []).map((o) => o.value));
      const chips = optionsOf(element)
        .map((o) => {
          const checked = chosen.has(o.value) ? " checked" : "";
          return `<label class="chip"><input type="checkbox" name="${name}" value="${attr(o.value)}"${checked}><span>${textObject(o.text, ctx)}</span></label>`;
        })
        .join("");
      return `<div class="chips" role="group" ${kind} ${labelled}>${chips}</div>`;
    }
    case "plain_text_input": {
      const max = Number.isInteger(element.max_length) ? ` maxlength="${element.max_length}"` : "";
      const placeholder = element.placeholder?.text ? ` placeholder="${attr(element.placeholder.text)}"` : "";
      const value = element.initial_value ?? "";
      return element.multiline
        ? `<textarea class="input-text" name="${name}" rows="3" ${kind} ${labelled}${max}${placeholder}>${escapeHtml(value)}</textarea>`
        : `<input class="input-text" type="text" name="${name}" ${kind} ${labelled}${max}${placeholder} value="${attr(value)}">`;
    }
    case "conversations_select": {
      const current =
        element.initial_conversation ??
        (element.default_to_current_conversation ? ctx.currentConversation : undefined);
      const options = (ctx.conversations ?? [])
        .map(
          (c) =>
            `<option value="${attr(c.id)}"${c.id === current ? " selected" : ""}>${escapeHtml(c.name)}</option>`,
        )
        .join("");
      const placeholder = element.placeholder?.text ?? "Select a conversation";
      return `<select class="select" name="${name}" ${kind} ${labelled}><option value=""${current ? "" : " selected"}>${plainText(placeholder)}</option>${options}</select>`;
    }
    default:
      return unsupported("element", element.type);
  }
}

function inputBlock(block, ctx) {
  const id = attr(block.block_id);
  const optional = block.optional ? ' <span class="optional">(optional)</span>' : "";
  const hint = block.hint ? `<div class="hint">${textObject(block.hint, ctx)}</div>` : "";
  const element = block.element
    ? inputElement(block.element, block.block_id, ctx)
    : unsupported("element", "none");
  return `<div class="label" id="label-${id}">${textObject(block.label, ctx)}${optional}</div>${element}${hint}<div class="error" data-error-for="${id}" role="alert"></div>`;
}

function block(b, ctx) {
  switch (b.type) {
    case "header":
      return `<h3 class="header">${textObject(b.text, ctx)}</h3>`;
    case "section": {
      const text = b.text ? `<div class="text">${textObject(b.text, ctx)}</div>` : "";
      const fields = Array.isArray(b.fields)
        ? `<div class="fields">${b.fields.map((f) => `<div class="field">${textObject(f, ctx)}</div>`).join("")}</div>`
        : "";
      const accessory = b.accessory
        ? `<div class="accessory">${interactive(b.accessory, b.block_id)}</div>`
        : "";
      return `<div class="section-body">${text}${fields}</div>${accessory}`;
    }
    case "divider":
      return "<hr>";
    case "context":
      return (b.elements ?? [])
        .map((e) =>
          e.type === "mrkdwn" || e.type === "plain_text"
            ? `<span>${textObject(e, ctx)}</span>`
            : unsupported("element", e.type),
        )
        .join("");
    case "actions":
      return (b.elements ?? []).map((e) => interactive(e, b.block_id)).join("");
    case "input":
      return ctx.surface === "modal" ? inputBlock(b, ctx) : undefined;
    default:
      return undefined;
  }
}

/**
 * Blocks → HTML. `ctx`: { names: user id → name, surface: "message" | "modal" | "home",
 * conversations: [{ id, name }] and currentConversation for conversations_select }.
 */
export function renderBlocks(blocks, ctx = {}) {
  const full = { names: {}, surface: "message", ...ctx };
  return (blocks ?? [])
    .map((b) => {
      const type = b && typeof b === "object" ? b.type : typeof b;
      const inner = b && typeof b === "object" ? block(b, full) : undefined;
      if (inner === undefined) return unsupported("block", type);
      return `<div class="block block-${attr(type)}" data-block-id="${attr(b.block_id)}">${inner}</div>`;
    })
    .join("");
}
