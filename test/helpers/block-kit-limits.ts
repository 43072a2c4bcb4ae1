/**
 * A small Block Kit limits checker for tests, from Slack's published limits (there is no offline
 * validator, and blocks.validate is unreachable from here). Returns every violation found.
 */
import type { Json } from "./json.js";

const L = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  accessibilityLabel: 75,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  staticOptions: 100,
  choiceOptions: 10,
  placeholder: 150,
  label: 2000,
  viewTitle: 24,
  privateMetadata: 3000,
  id: 255,
  viewBytes: 250_000,
  messageText: 13_000,
  topText: 40_000,
} as const;

const textOf = (t: unknown) => (t && typeof t === "object" ? String((t as Json).text ?? "") : "");

function checkOption(o: Json, where: string, out: string[]) {
  if (textOf(o.text).length > L.optionText) out.push(`${where}: option text over ${L.optionText}`);
  if (o.description && textOf(o.description).length > L.optionDescription)
    out.push(`${where}: option description over ${L.optionDescription}`);
  if (typeof o.value === "string" && o.value.length > L.optionValue)
    out.push(`${where}: option value over ${L.optionValue}`);
}

function checkElement(e: Json, where: string, out: string[], ids: Set<string>) {
  const actionId = e.action_id;
  if (typeof actionId === "string") {
    if (actionId.length > L.id) out.push(`${where}: action_id over ${L.id}`);
    if (ids.has(actionId)) out.push(`${where}: duplicate action_id ${actionId} in one block`);
    ids.add(actionId);
  }
  if (e.placeholder && textOf(e.placeholder).length > L.placeholder)
    out.push(`${where}: placeholder over ${L.placeholder}`);
  if (e.type === "button") {
    if (textOf(e.text).length > L.buttonText) out.push(`${where}: button text over ${L.buttonText}`);
    if (typeof e.value === "string" && e.value.length > L.buttonValue)
      out.push(`${where}: button value over ${L.buttonValue}`);
    if (typeof e.accessibility_label === "string" && e.accessibility_label.length > L.accessibilityLabel) {
      out.push(`${where}: accessibility_label over ${L.accessibilityLabel}`);
    }
  }
  const options = (e.options as Json[] | undefined) ?? [];
  const max = e.type === "radio_buttons" || e.type === "checkboxes" ? L.choiceOptions : L.staticOptions;
  if (options.length > max) out.push(`${where}: ${options.length} options, over ${max}`);
  for (const [i, o] of options.entries()) checkOption(o, `${where}.options[${i}]`, out);
  const values = new Set(options.map((o) => o.value));
  for (const key of ["initial_option"]) {
    const init = e[key] as Json | undefined;
    if (init && !values.has(init.value)) out.push(`${where}: ${key} is not one of the options`);
  }
  for (const init of (e.initial_options as Json[] | undefined) ?? []) {
    if (!values.has(init.value)) out.push(`${where}: initial_options holds a value that is not an option`);
  }
}

/** Total characters of text in the blocks (Slack rejects messages past about 13,000). */
export function blockTextLength(blocks: Json[]): number {
  let n = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Json;
      if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") n += o.text.length;
      else for (const x of Object.values(o)) walk(x);
    }
  };
  walk(blocks);
  return n;
}

export function blockViolations(blocks: Json[], maxBlocks: number): string[] {
  const out: string[] = [];
  if (blocks.length > maxBlocks) out.push(`${blocks.length} blocks, over ${maxBlocks}`);
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const where = `blocks[${i}] (${String(b.type)})`;
    if (typeof b.block_id === "string") {
      if (b.block_id.length > L.id) out.push(`${where}: block_id over ${L.id}`);
      if (blockIds.has(b.block_id)) out.push(`${where}: duplicate block_id ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    const ids = new Set<string>();
    switch (b.type) {
      case "header":
        if (textOf(b.text).length > L.headerText) out.push(`${where}: header over ${L.headerText}`);
        if ((b.text as Json | undefined)?.type !== "plain_text")
          out.push(`${where}: header text must be plain_text`);
        break;
      case "section": {
        if (!b.text && !b.fields) out.push(`${where}: section needs text or fields`);
        if (b.text && textOf(b.text).length > L.sectionText) out.push(`${where}: text over ${L.sectionText}`);
        if (b.text && textOf(b.text).length === 0) out.push(`${where}: empty text`);
        const fields = (b.fields as Json[] | undefined) ?? [];
        if (fields.length > L.fields) out.push(`${where}: ${fields.length} fields, over ${L.fields}`);
        fields.forEach((f, j) => {
          if (textOf(f).length > L.fieldText) out.push(`${where}.fields[${j}]: over ${L.fieldText}`);
          if (textOf(f).length === 0) out.push(`${where}.fields[${j}]: empty`);
        });
        if (b.accessory) checkElement(b.accessory as Json, `${where}.accessory`, out, ids);
        break;
      }
      case "context": {
        const els = (b.elements as Json[] | undefined) ?? [];
        if (els.length === 0 || els.length > L.contextElements)
          out.push(`${where}: ${els.length} elements (1..${L.contextElements})`);
        els.forEach((e, j) => {
          if (textOf(e).length > L.sectionText) out.push(`${where}.elements[${j}]: over ${L.sectionText}`);
        });
        break;
      }
      case "actions": {
        const els = (b.elements as Json[] | undefined) ?? [];
        if (els.length === 0 || els.length > L.actionsElements)
          out.push(`${where}: ${els.length} elements (1..${L.actionsElements})`);
        for (const [j, e] of els.entries()) checkElement(e, `${where}.elements[${j}]`, out, ids);
        break;
      }
      case "input":
        if (textOf(b.label).length > L.label) out.push(`${where}: label over ${L.label}`);
        if (b.hint && textOf(b.hint).length > L.label) out.push(`${where}: hint over ${L.label}`);
        if (!b.element) out.push(`${where}: input needs an element`);
        else checkElement(b.element as Json, `${where}.element`, out, ids);
        break;
      case "divider":
        break;
      default:
        out.push(`${where}: a block type the app does not use`);
    }
  });
  return out;
}

/** Violations of a chat message: blocks, total text, top-level text. */
export function messageViolations(message: { text?: unknown; blocks?: unknown }): string[] {
  const blocks = (message.blocks as Json[] | undefined) ?? [];
  const out = blockViolations(blocks, L.messageBlocks);
  if (typeof message.text !== "string" || message.text.trim() === "") out.push("top-level text is missing");
  else if (message.text.length > L.topText) out.push("top-level text too long");
  const total = blockTextLength(blocks);
  if (total > L.messageText) out.push(`${total} characters of block text, over about ${L.messageText}`);
  return out;
}

/** Violations of a modal or Home tab view. */
export function viewViolations(view: Json): string[] {
  const blocks = (view.blocks as Json[] | undefined) ?? [];
  const out = blockViolations(blocks, L.viewBlocks);
  if (view.type === "modal") {
    for (const key of ["title", "submit", "close"]) {
      if (view[key] && textOf(view[key]).length > L.viewTitle) out.push(`${key} over ${L.viewTitle}`);
    }
    if (blocks.some((b) => b.type === "input") && !view.submit) out.push("a modal with inputs needs submit");
  }
  if (typeof view.private_metadata === "string" && view.private_metadata.length > L.privateMetadata) {
    out.push(`private_metadata over ${L.privateMetadata}`);
  }
  if (typeof view.callback_id === "string" && view.callback_id.length > L.id)
    out.push(`callback_id over ${L.id}`);
  const bytes = Buffer.byteLength(JSON.stringify(view));
  if (bytes > L.viewBytes) out.push(`view is ${bytes} bytes, over ${L.viewBytes}`);
  return out;
}
