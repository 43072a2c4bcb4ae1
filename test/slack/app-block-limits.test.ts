/**
 * Block Kit limits for every surface built from a profile: the recommendation message and the
 * questionnaire modal (fresh, prefilled, with and without the destination picker), for named
 * scenarios and for ~300 seeded random profiles. The "Edit answers" value must fit and round-trip.
 */
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/engine/confidence.js";
import { getKnowledge, type ProjectProfile, parseProfile } from "../../src/engine/index.js";
import { questionnaireView } from "../../src/slack/blocks/questionnaire.js";
import { decodeAnswers, encodeModalContext, type ModalContext } from "../../src/slack/services/codecs.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import { messageViolations, viewViolations } from "../helpers/block-kit-limits.js";
import type { Json } from "../helpers/json.js";

const k = getKnowledge();
const NOTES_MAX = k.notesQuestion.maxLength;
const ASKER = "U05HV6XQ1AB";
const EDITOR = "U06JK2P7RCD";
const ALL_NEEDS = k.needFeatures.map((f) => f.id);
const RESPONSE_URL = "https://hooks.slack.com/commands/T07QDKX2N5M/8034561298765/Qm3vT8yR2kLpX7nB1cZ4dWfE";

/** Lone surrogates (half an emoji) make text Slack can't show and form encoding can't carry. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Fills `max` characters by repeating `unit` (never splitting a surrogate pair). */
function fill(unit: string, max = NOTES_MAX): string {
  let s = "";
  while (s.length + unit.length <= max) s += unit;
  return s;
}

function profileOf(input: {
  answers?: Record<string, string>;
  needs?: string[];
  notes?: string;
}): ProjectProfile {
  const parsed = parseProfile({ answers: {}, needs: [], notes: "", ...input }, k);
  if (!parsed.ok) throw new Error(`bad test profile: ${JSON.stringify(parsed.issues)}`);
  return parsed.profile;
}

const SCENARIOS: Array<[string, ProjectProfile]> = [
  [
    "large full-stack with admin and auth",
    profileOf({
      answers: { project_type: "full_stack", size: "large", timeline: "long_term" },
      needs: ["admin", "auth"],
    }),
  ],
  [
    "small JSON API",
    profileOf({
      answers: { project_type: "rest_api", size: "small", flexibility: "full_control" },
      needs: ["rest_api"],
    }),
  ],
  [
    "MongoDB",
    profileOf({ answers: { project_type: "content_site", database: "mongodb" }, needs: ["orm", "admin"] }),
  ],
  [
    "real-time app",
    profileOf({ answers: { project_type: "realtime", priority: "performance" }, needs: ["async"] }),
  ],
  ["every need selected", profileOf({ answers: { size: "large", timeline: "months" }, needs: ALL_NEEDS })],
  [
    "the longest notes allowed, markup, emoji and &<>",
    profileOf({
      needs: ALL_NEEDS,
      notes: fill("<!channel> *bold* _it_ `code` <@U123> <https://evil.example|click> 🐍👩‍💻 &<>&amp; "),
    }),
  ],
  ["notes of only &<>", profileOf({ needs: ALL_NEEDS, notes: fill("&<>") })],
  ["notes of only quotes and backslashes", profileOf({ needs: ALL_NEEDS, notes: fill('"\\') })],
  ["notes of control characters", profileOf({ needs: ALL_NEEDS, notes: fill("\u0001\u0002\n\t") })],
  ["notes of emoji after quotes", profileOf({ needs: ALL_NEEDS, notes: fill('"""🐍') })],
  // Long enough that the edit value must shorten them, with the cut landing inside an emoji.
  ["notes of many quotes and emoji", profileOf({ needs: ALL_NEEDS, notes: fill('""""""🐍') })],
  // Short enough for the edit value; the 500-character cut for message metadata lands inside an emoji.
  ["notes with an emoji across the metadata cut", profileOf({ notes: `a${"🐍".repeat(300)}` })],
  ["notes of control characters and emoji", profileOf({ needs: ["admin", "auth"], notes: fill("\u0001🐍") })],
  [
    "notes naming many features",
    profileOf({
      notes:
        "We need an admin, user login, permissions, forms, templates, a REST API, websockets, i18n, caching, background tasks with Celery and some ML models. ".repeat(
          6,
        ),
    }),
  ],
  [
    "machine-learning service",
    profileOf({ answers: { project_type: "ml_service", experience: "new" }, needs: ["ml"] }),
  ],
  [
    "tiny prototype in days by newcomers",
    profileOf({
      answers: {
        project_type: "prototype",
        size: "tiny",
        timeline: "days",
        experience: "new",
        priority: "learning",
      },
    }),
  ],
  [
    "large shop with security first on Oracle",
    profileOf({
      answers: { project_type: "ecommerce", size: "large", database: "oracle", priority: "security" },
      needs: ["auth", "permissions", "security", "forms"],
    }),
  ],
  [
    "microservice on SQL Server, full control",
    profileOf({
      answers: {
        project_type: "microservice",
        database: "sql_server",
        flexibility: "full_control",
        experience: "flask",
      },
      needs: ["background_tasks", "caching"],
    }),
  ],
  ["everything default", profileOf({})],
];

const NOTE_PIECES = [
  "admin",
  " staff edit records ",
  "websockets",
  " login ",
  "<!channel>",
  "<!here>",
  "<@U123>",
  "<#C0123|general>",
  "<https://evil.example|click>",
  "https://example.com/a?b=c&d=e",
  "*bold*",
  "_it_",
  "~strike~",
  "`code`",
  "```block```",
  "> quote",
  "&",
  "<",
  ">",
  "&amp;",
  '"',
  "\\",
  "\n",
  "\t",
  "\u0000",
  "\u2028",
  "🐍",
  "👩‍💻",
  "🇫🇷",
  "é",
  "日本語",
  ":smile:",
  "     ",
  "x",
];

function randomNotes(rand: () => number): string {
  const r = rand();
  const target = r < 0.15 ? 0 : r < 0.4 ? NOTES_MAX : Math.floor(rand() * (NOTES_MAX + 1));
  let s = "";
  for (;;) {
    const piece = NOTE_PIECES[Math.floor(rand() * NOTE_PIECES.length)] as string;
    if (s.length + piece.length > target) break;
    s += piece;
  }
  return s;
}

function generatedProfiles(count: number, seed: number): ProjectProfile[] {
  // The engine's seeded mulberry32, so every run checks the same profiles.
  const rand = seededRandom(seed);
  const widest = Math.max(...k.singleQuestions.map((q) => q.options.length));
  const out: ProjectProfile[] = [];
  for (let i = 0; i < count; i++) {
    const answers: Record<string, string> = {};
    for (const q of k.singleQuestions) {
      // The first rounds walk through every option of every question; then pure chance.
      const index = i < widest ? i % q.options.length : Math.floor(rand() * q.options.length);
      answers[q.id] = (q.options[index] as { value: string }).value;
    }
    const p = rand();
    const needs = p < 0.1 ? [] : p < 0.2 ? [...ALL_NEEDS] : ALL_NEEDS.filter(() => rand() < p - 0.2);
    const parsed = parseProfile({ answers, needs, notes: randomNotes(rand) }, k);
    if (!parsed.ok) throw new Error(`generated an invalid profile: ${JSON.stringify(parsed.issues)}`);
    out.push(parsed.profile);
  }
  return out;
}

const GENERATED = generatedProfiles(300, 20_241_123);

interface Checked {
  /** Block Kit limit violations (message, edited message, prefilled modals, button value length). */
  limits: string[];
  /** The "Edit answers" value does not give back the profile (notes may only be shortened to fit). */
  roundTrip: string[];
  /** Text that is no longer well-formed after being cut (half an emoji). */
  wellFormed: string[];
  verdict: string;
}

const broken = (cut: string, original: string) => LONE_SURROGATE.test(cut) && !LONE_SURROGATE.test(original);

/** Every check for one profile, by kind. */
function check(profile: ProjectProfile): Checked {
  const out: Checked = { limits: [], roundTrip: [], wellFormed: [], verdict: "" };
  const plain = recommendationMessage(k, profile, ASKER);
  const edited = recommendationMessage(k, profile, ASKER, EDITOR);
  out.verdict = plain.payload.verdict;
  for (const [name, built] of [
    ["message", plain],
    ["edited message", edited],
  ] as const) {
    const m = built.message;
    for (const v of messageViolations(m as unknown as Json)) out.limits.push(`${name}: ${v}`);
    const metaText = JSON.stringify(m.metadata ?? {});
    if (metaText.length > 4000) out.limits.push(`${name}: metadata is ${metaText.length} characters`);
    if (broken(built.payload.notes, profile.notes)) {
      out.wellFormed.push(`${name}: metadata notes end in half a surrogate pair`);
    }
  }

  // The "Edit answers" value: fits, and decodes back to the same profile (notes may be shortened).
  const edit = (plain.message.blocks as unknown as Json[])
    .flatMap((b) => (b.elements as Json[] | undefined) ?? [])
    .find((e) => e.action_id === "edit_answers");
  const value = typeof edit?.value === "string" ? edit.value : "";
  if (value.length === 0 || value.length > 2000) out.limits.push(`edit value is ${value.length} characters`);
  const decoded = decodeAnswers(value);
  let initial: ProjectProfile | undefined;
  if (!decoded) out.roundTrip.push("edit value does not decode");
  else {
    const { input } = decoded;
    if (decoded.askedBy !== ASKER) out.roundTrip.push("edit value lost who asked");
    if (JSON.stringify(input.answers) !== JSON.stringify(profile.answers))
      out.roundTrip.push("answers changed");
    if (JSON.stringify(input.needs) !== JSON.stringify(profile.needs)) out.roundTrip.push("needs changed");
    if (!profile.notes.startsWith(input.notes)) out.roundTrip.push("notes are not a prefix of the original");
    const full = JSON.stringify({ a: profile.answers, n: profile.needs, t: profile.notes, b: ASKER });
    if (full.length <= 2000 && input.notes !== profile.notes)
      out.roundTrip.push("notes shortened although they fit");
    // Shortened to fit, not far beyond: one more character costs at most 12 JSON characters.
    if (input.notes !== profile.notes && value.length < 1900) {
      out.roundTrip.push(
        `notes over-shortened: ${input.notes.length} of ${profile.notes.length} kept, value only ${value.length} characters`,
      );
    }
    if (broken(input.notes, profile.notes))
      out.wellFormed.push("edit value notes end in half a surrogate pair");
    const reparsed = parseProfile(input, k);
    if (!reparsed.ok) out.roundTrip.push(`decoded answers don't parse: ${JSON.stringify(reparsed.issues)}`);
    else initial = reparsed.profile;
  }

  // The modal, prefilled from the decoded value as the app does, with and without the destination picker.
  const contexts: Array<[string, ModalContext]> = [
    [
      "edit in channel",
      { channel: "C07QF9S3K2L", user: EDITOR, messageTs: "1732384472.318669", askedBy: ASKER },
    ],
    ["edit with picker", { user: EDITOR, messageTs: "1732384472.318669", askedBy: ASKER }],
  ];
  for (const [name, ctx] of contexts) {
    const view = questionnaireView({
      knowledge: k,
      privateMetadata: encodeModalContext(ctx),
      askDestination: ctx.channel === undefined,
      editing: true,
      ...(initial ? { initial } : {}),
    });
    for (const v of viewViolations(view as unknown as Json)) out.limits.push(`${name} view: ${v}`);
  }
  return out;
}

describe("the questionnaire without initial answers", () => {
  it.each<[string, ModalContext]>([
    ["from a slash command", { channel: "C07QF9S3K2L", user: ASKER, responseUrl: RESPONSE_URL }],
    ["with the destination picker", { user: ASKER }],
  ])("%s is within limits", (_name, ctx) => {
    const view = questionnaireView({
      knowledge: k,
      privateMetadata: encodeModalContext(ctx),
      askDestination: ctx.channel === undefined,
      editing: false,
    });
    expect(viewViolations(view as unknown as Json)).toEqual([]);
    const hasPicker = view.blocks.some((b) => (b as { block_id?: string }).block_id === "q_destination");
    expect(hasPicker).toBe(ctx.channel === undefined);
  });
});

describe("named scenarios", () => {
  it.each(SCENARIOS)("%s: the message and the prefilled modals are within limits", (_name, profile) => {
    expect(check(profile).limits).toEqual([]);
  });

  it.each(SCENARIOS)("%s: the Edit answers value decodes back to the profile", (_name, profile) => {
    expect(check(profile).roundTrip).toEqual([]);
  });

  it.each(SCENARIOS)("%s: shortened notes never end in half an emoji", (_name, profile) => {
    expect(check(profile).wellFormed).toEqual([]);
  });

  it("the longest notes are shown escaped, never as live markup", () => {
    const profile = SCENARIOS.find(([name]) => name.startsWith("the longest notes"))?.[1] as ProjectProfile;
    const { message } = recommendationMessage(k, profile, ASKER);
    const json = JSON.stringify(message.blocks.filter((b) => b.type !== "actions"));
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<@U123>");
    expect(json).not.toContain("<https://evil");
  });
});

describe("300 generated profiles", () => {
  it("cover every option of every question, and both empty and full needs", () => {
    for (const q of k.singleQuestions) {
      const seen = new Set(GENERATED.map((p) => p.answers[q.id]));
      expect([...seen].sort(), q.id).toEqual(q.options.map((o) => o.value).sort());
    }
    expect(GENERATED.some((p) => p.needs.length === 0)).toBe(true);
    expect(GENERATED.some((p) => p.needs.length === ALL_NEEDS.length)).toBe(true);
    expect(GENERATED.some((p) => p.notes.length === 0)).toBe(true);
    expect(GENERATED.some((p) => p.notes.length > NOTES_MAX - 10)).toBe(true);
  });

  const results = () => GENERATED.map((profile) => check(profile));
  let cached: Checked[] | undefined;
  const all = () => {
    cached ??= results();
    return cached;
  };
  const failures = (kind: "limits" | "roundTrip" | "wellFormed") =>
    all()
      .flatMap((r, i) => r[kind].map((p) => `profile ${i}: ${p}`))
      .slice(0, 20);

  it("all stay within Block Kit limits (message, edited message, prefilled modals)", () => {
    expect(failures("limits")).toEqual([]);
    // The sample reaches both frameworks' verdicts.
    const verdicts = new Set(all().map((r) => r.verdict));
    expect(verdicts.has("flask")).toBe(true);
    expect(verdicts.has("django")).toBe(true);
  });

  it("all have an Edit answers value that decodes back to the profile", () => {
    expect(failures("roundTrip")).toEqual([]);
  });

  it("never cut notes in half an emoji (edit value, message metadata)", () => {
    expect(failures("wellFormed")).toEqual([]);
  });
});
