import {
  type CaveatItem,
  type FrameworkId,
  type Knowledge,
  ONLY_BUILDING_ELSE,
  packageNamed,
  type Recommendation,
  type WhatIf,
} from "../../engine/index.js";
import { type KnownBlock, mrkdwn } from "./kit.js";
import { LIMITS } from "./limits.js";
import { confidenceLine, flipLine, headline, reasonBrief, reasonLine } from "./recommendation-lines.js";
import { bullets, inertText, link, truncate } from "./text.js";

/** Answers to questions about the decision itself, read from the thread's recommendation. */

const nameOf = (knowledge: Knowledge, id: FrameworkId) => knowledge.meta.frameworks[id].name;
const section = (text: string): KnownBlock => ({
  type: "section",
  text: mrkdwn(truncate(text, LIMITS.sectionText)),
});
const EDIT_HINT = "Use *Edit answers* on the recommendation to try a change.";
/** A reason in a thread answer: three of them fit a section whole (the message's own lines are shorter). */
const REASON_MAX = 400;

/** "So what's the call?": the verdict with its top reasons. */
export function verdictAnswer(knowledge: Knowledge, rec: Recommendation): KnownBlock[] {
  const reasons = rec.factors
    .slice(0, 3)
    .map((f) => `${reasonLine(knowledge, f, REASON_MAX)} ${link(f.source, "docs")}`);
  return [
    section(`*${headline(knowledge, rec)}.* ${confidenceLine(knowledge, rec)}`),
    ...(reasons.length > 0 ? [section(bullets(reasons))] : []),
    section(flipLine(rec)),
  ];
}

/** "Why not Flask?": what counts against it here, and what would make it win. */
export function whyNotAnswer(
  knowledge: Knowledge,
  rec: Recommendation,
  framework: FrameworkId,
  asksFor = false,
): KnownBlock[] {
  const other: FrameworkId = framework === "flask" ? "django" : "flask";
  const name = nameOf(knowledge, framework);
  const against = rec.factors
    .filter((f) => f.favours === other)
    .slice(0, 3)
    .map((f) => `${reasonLine(knowledge, f, REASON_MAX)} ${link(f.source, "docs")}`);
  const cons = rec.prosCons[framework].cons.slice(0, 2).map((c) => `${c.text} ${link(c.source, "docs")}`);
  // A caveat of this project that counts against it: "Django supports SQL Server only through …".
  const caveats = rec.caveats
    .filter((c) => c.against === framework)
    .map((c) => `${c.text} ${link(c.source, "source")}`);
  const lines = [...against, ...caveats, ...cons];
  const wins = rec.flips.filter((f) => f.verdict === framework).slice(0, 2);
  if (lines.length === 0 && rec.verdict === framework) {
    return [
      section(
        `Nothing in your answers counts much against ${name}, the recommendation: ${confidenceLine(knowledge, rec)}`,
      ),
    ];
  }
  // "why flask?" of the one that lost: say so, and what counts for it, before what outweighs it.
  const forIt = asksFor && rec.verdict !== framework ? [section(caseFor(knowledge, rec, framework))] : [];
  const heading = forIt.length > 0 ? "*What outweighs it*" : `*What counts against ${name} for this project*`;
  const blocks = [
    ...forIt,
    section(
      lines.length > 0
        ? `${heading}\n${bullets(lines)}`
        : `Nothing in your answers counts much against ${name}: ${confidenceLine(knowledge, rec)}`,
    ),
  ];
  if (rec.verdict === framework) {
    blocks.push(section(`${name} is still the recommendation: ${confidenceLine(knowledge, rec)}`));
  } else {
    blocks.push(
      section(
        wins.length > 0
          ? `*What would make ${name} win*\n${bullets(wins.map((f) => f.text))}`
          : `No single change of answer would make ${name} win.${pairToward(rec, framework)} ${EDIT_HINT}`,
      ),
    );
  }
  return blocks;
}

/** "Flask isn't the pick here. What counts for it: …": the framework that did not win, in its favour. */
function caseFor(knowledge: Knowledge, rec: Recommendation, framework: FrameworkId): string {
  const name = nameOf(knowledge, framework);
  const lead = rec.verdict === "either" ? "It's a toss-up here." : `${name} isn't the pick here.`;
  const counts = rec.factors.filter((f) => f.favours === framework).slice(0, 3);
  return counts.length > 0
    ? `${lead} What counts for ${name}: ${counts.map((f) => reasonBrief(knowledge, f)).join(", ")}.`
    : `${lead} Nothing in your answers counts much for ${name}.`;
}

/** The pair of changes that would hand the win to `framework`, when that is the smallest change found. */
function pairToward(rec: Recommendation, framework: FrameworkId): string {
  const w = rec.whatWouldChange;
  return w.kind === "pair" && w.verdict === framework ? ` Two together would: ${w.text}` : "";
}

/** "How sure is that?": in plain words, with the figure stated honestly. */
export function confidenceAnswer(knowledge: Knowledge, rec: Recommendation): KnownBlock[] {
  return [
    section(confidenceLine(knowledge, rec)),
    section(
      "How it is measured: I re-ran the comparison many times with the weight of each criterion and each framework's fit on it shifted at random, and counted what each run gave. Your answers were not changed; for that, see what would change it.",
    ),
    section(flipLine(rec)),
  ];
}

/**
 * "What would flip it?": every nearby change of answers that would. When each is to build something
 * else, say so first: nothing about how the team builds this project would.
 */
export function flipAnswer(rec: Recommendation, onlyBuildingElse = false): KnownBlock[] {
  if (rec.flips.length === 0) return [section(`${flipLine(rec)} ${EDIT_HINT}`)];
  const lead = onlyBuildingElse ? `\n${ONLY_BUILDING_ELSE}` : "";
  return [
    section(`*What would change the verdict*${lead}\n${bullets(rec.flips.slice(0, 4).map((f) => f.text))}`),
    { type: "context", elements: [mrkdwn(EDIT_HINT)] },
  ];
}

/**
 * "What if it stays tiny?": the verdict with the supposed answers, said as "If …, …" with the shares
 * it would then have; or, when the answers already say so, that the verdict stands.
 */
export function whatIfAnswer(knowledge: Knowledge, rec: Recommendation, w: WhatIf): KnownBlock[] {
  if (!w.after) return [section(`${w.text.replace(/\.$/, "")}: ${headline(knowledge, rec)}.`)];
  return [
    section(`*${w.text}* ${confidenceLine(knowledge, w.after)}`),
    { type: "context", elements: [mrkdwn(EDIT_HINT)] },
  ];
}

const caveatLine = (c: CaveatItem) =>
  `${c.text} ${c.alternative ? link(c.alternative.url, c.alternative.name) : ""} ${link(c.source, "source")}`;

/** The caveat names the alternative asked about, or one of several ("Litestar or Sanic"). */
const naming = (named: string | undefined) => (c: CaveatItem) =>
  c.alternative !== undefined &&
  (!named || named.toLowerCase().split(" or ").includes(c.alternative.name.toLowerCase()));

/**
 * "Would FastAPI be better?": what the knowledge base says of alternatives, with its source. `all` are
 * the knowledge base's caveats; `project`, the project's when there is one: then only they answer, and
 * the knowledge base's say when a named alternative would suit, though nothing here calls for it.
 */
export function alternativeAnswer(
  knowledge: Knowledge,
  named: string | undefined,
  all: readonly CaveatItem[],
  project?: readonly CaveatItem[],
): KnownBlock[] {
  const matching = (project ?? all).filter(naming(named));
  if (matching.length > 0) return matching.map((c) => section(caveatLine(c)));
  const known = project && named ? all.filter(naming(named)) : [];
  if (named && known.length > 0) {
    return [
      section(`Nothing in your answers calls for ${inertText(named)} here. Where it would:`),
      ...known.map((c) => section(caveatLine(c))),
    ];
  }
  const what = named ? inertText(named) : "another framework";
  const pair = `${nameOf(knowledge, "flask")} and ${nameOf(knowledge, "django")}`;
  // "what about quart?": a package the knowledge base counts as part of one of the two.
  const part = named && !named.includes(" or ") ? packageNamed(knowledge, named) : undefined;
  if (part) {
    const whose = part.frameworks.map((f) => `${nameOf(knowledge, f)}'s`).join(" and ");
    const answers = part.frameworks.length > 1 ? "answers" : "answer";
    const role = part.for
      ? `${whose} ${answers} for ${part.for}`
      : `part of ${whose} ${answers} on ${part.featureTitle.toLowerCase()}`;
    return [
      section(
        `${link(part.package.docs, part.package.name)} (${part.kind}) is ${role}, so I weigh it with ${part.frameworks.length > 1 ? "both" : nameOf(knowledge, part.frameworks[0] as FrameworkId)}, not as a third option. Ask about “${part.featureTitle.toLowerCase()}” for the comparison.`,
      ),
    ];
  }
  const fastapi = named?.toLowerCase() === "fastapi";
  // Without a project there is no "this project" and no recommendation's Details yet.
  const text = project
    ? `I compare only ${pair}, so I can't weigh ${what} for this project.${
        fastapi
          ? ""
          : " Where an async-first API framework would suit better, I say so in the recommendation's Details."
      }`
    : `I compare only ${pair}, so I can't weigh ${what}.${
        fastapi
          ? ""
          : " Start a recommendation with /flask-or-django: where an async-first API framework would suit your project better, its Details say so."
      }`;
  return [section(text)];
}

/** Push-back on the verdict: one short reply, saying which answer would change it and how. */
export function pushbackAnswer(
  knowledge: Knowledge,
  rec: Recommendation,
  prefers?: FrameworkId,
  supposed?: WhatIf,
): KnownBlock[] {
  // The reason they gave, as answers, weighed first: "we know flask" → "Counting what you said: if your
  // team already knew Flask, Django would still be the better fit." (the conditions read after "if").
  const said =
    supposed?.after && supposed.outcome
      ? ` Counting what you said: if ${supposed.conditions.join(" and ")}, ${supposed.outcome}.`
      : "";
  // On a toss-up there is nothing to push back on: either fits, and what would make one clear is the answer.
  if (rec.verdict === "either") {
    const sound = prefers ? `, so ${nameOf(knowledge, prefers)} is a sound pick` : "";
    const flip = prefers ? rec.flips.find((f) => f.verdict === prefers) : undefined;
    const clear =
      flip && prefers ? ` What would make it a clear ${nameOf(knowledge, prefers)} win: ${flip.text}` : "";
    return [section(`It's a toss-up here: either framework fits${sound}.${said || clear} ${EDIT_HINT}`)];
  }
  const wanted = prefers ?? (rec.verdict === "flask" ? "django" : "flask");
  // What they said is enough to make the framework they prefer win: say so, with the figures.
  if (supposed?.after && wanted !== rec.verdict && supposed.after.verdict === wanted) {
    return [
      section(`Fair enough.${said} ${confidenceLine(knowledge, supposed.after)}`),
      { type: "context", elements: [mrkdwn(EDIT_HINT)] },
    ];
  }
  // Preferring the framework that already won is agreement, not push-back.
  if (wanted === rec.verdict) {
    return [
      section(
        `${nameOf(knowledge, wanted)} is already the recommendation here. ${confidenceLine(knowledge, rec)}`,
      ),
    ];
  }
  // What already counts for the framework they prefer shows their concern was weighed ("we're 2
  // juniors, isn't django too much?": the learning curve already counts for Flask).
  const counted = rec.factors.find((f) => f.favours === wanted);
  const weighed = counted
    ? ` Already counted for ${nameOf(knowledge, wanted)}: ${reasonBrief(knowledge, counted)}.`
    : "";
  // Only a change toward the framework they prefer answers them; one toward the other side would not.
  const flip = rec.flips.find((f) => f.verdict === wanted);
  const because = flip
    ? `What would change it: ${flip.text}`
    : `No single change of answer would make ${nameOf(knowledge, wanted)} win.${pairToward(rec, wanted)}`;
  return [section(`Fair enough: it's your team's call.${said}${weighed} ${because} ${EDIT_HINT}`)];
}
