import { type Confidence, confidenceOf, perturbations } from "./confidence.js";
import {
  applicableCaveats,
  type CaveatItem,
  decisiveFactors,
  type Factor,
  type ProsCons,
  relevantProsCons,
} from "./explanation.js";
import { findNeedsInText } from "./feature-matcher.js";
import type { Knowledge } from "./knowledge.js";
import { type ProjectProfile, toProfile } from "./profile.js";
import {
  advantages,
  type CompiledModel,
  compileModel,
  importance,
  tally,
  type Verdict,
  verdictOf,
} from "./scoring.js";
import { type Flip, findFlips, type WhatWouldChange } from "./sensitivity.js";
import { NEGATIONS } from "./understand/negations.js";

export interface NotesReading {
  /** Needs found in the notes that the needs answer did not already list. */
  needs: string[];
  /** Needs the notes rule out ("we don't need an admin"): no pro or con about them is shown. */
  excluded: string[];
  /** What we did with the notes, in a sentence (empty when there were none). */
  text: string;
}

export interface Recommendation {
  verdict: Verdict;
  /**
   * Each framework's share of the evidence, in whole percent: the two add up to 100. A share, not
   * a mark out of 100: 60 to 40 means 60% of what the answers weigh points to that framework.
   */
  shares: { flask: number; django: number };
  /** @deprecated The same numbers as `shares`, kept until every surface says "share of the evidence". */
  scores: { flask: number; django: number };
  /** Percentage points between the two shares, always >= 0. */
  margin: number;
  /** Django's share minus Flask's, unrounded: negative means Flask leads. */
  lead: number;
  confidence: Confidence;
  /** Two sentences: the verdict with the shares, then how firm it is in words. */
  summary: string;
  factors: Factor[];
  prosCons: ProsCons;
  /** Single answers that would change the verdict, smallest first (up to maxFlips; may be empty). */
  flips: Flip[];
  /** What would change the verdict, always: one answer, two answers together, or a plain "nothing small". */
  whatWouldChange: WhatWouldChange;
  caveats: CaveatItem[];
  notes: NotesReading;
  profile: ProjectProfile;
  knowledgeVersion: string;
}

interface NotesRead extends NotesReading {
  /** Every need the notes mention, including those the needs answer already lists. */
  all: string[];
}

interface Prepared {
  model: CompiledModel;
  rows: Float64Array[];
}
const prepared = new WeakMap<Knowledge, Prepared>();
function prepare(knowledge: Knowledge): Prepared {
  let p = prepared.get(knowledge);
  if (!p) {
    p = { model: compileModel(knowledge), rows: perturbations(knowledge) };
    prepared.set(knowledge, p);
  }
  return p;
}

/**
 * Negations, as the notes reader skips them (src/engine/understand/needs.ts): a need it finds once
 * these are blanked out, but not before, is one the notes mention only to rule out.
 */
const NEGATION = new RegExp(`\\b(?:${[...NEGATIONS].join("|")})\\b|n['’]t\\b`, "gi");

function readNotes(knowledge: Knowledge, profile: ProjectProfile): NotesRead {
  if (profile.notes.trim() === "") return { needs: [], excluded: [], all: [], text: "" };
  // recommendProfile trusts its caller; still, nothing past the notes field's own limit is read.
  const notes = profile.notes.slice(0, knowledge.notesQuestion.maxLength);
  const all = findNeedsInText(notes, knowledge);
  const needs = all.filter((id) => !profile.needs.includes(id));
  // Read a second time only when there is a negation to blank out. A need ticked in the needs
  // answer stands, whatever the notes say.
  const blanked = notes.replace(NEGATION, " ");
  const excluded =
    blanked === notes
      ? []
      : findNeedsInText(blanked, knowledge).filter((id) => !all.includes(id) && !profile.needs.includes(id));
  const phrase = (id: string) => knowledge.featureById.get(id)?.need?.phrase ?? id;
  const sentences: string[] = [];
  if (needs.length > 0) sentences.push(`From your notes we also counted ${needs.map(phrase).join(", ")}.`);
  if (excluded.length > 0)
    sentences.push(
      `Your notes rule out ${excluded.map(phrase).join(", ")}, so it counts for nothing here and no pro or con about it is shown.`,
    );
  if (sentences.length === 0) sentences.push("We read your notes; they name no feature beyond your answers.");
  return { needs, excluded, all, text: sentences.join(" ") };
}

function summarise(
  knowledge: Knowledge,
  verdict: Verdict,
  shares: Recommendation["shares"],
  confidence: Confidence,
): string {
  const { flask, django } = knowledge.meta.frameworks;
  if (verdict === "either") {
    return (
      `Either framework fits: ${flask.name} has ${shares.flask}% of the evidence and ${django.name} ${shares.django}%, ` +
      `too close to call. A close call: it ${confidence.phrase}.`
    );
  }
  const other = verdict === "django" ? "flask" : "django";
  const firmness =
    confidence.label === "clear"
      ? "A clear call"
      : confidence.label === "leaning"
        ? "Leaning"
        : "A close call";
  return (
    `${knowledge.meta.frameworks[verdict].name} fits this project better: ${shares[verdict]}% of the evidence to ` +
    `${shares[other]}%. ${firmness}: it ${confidence.phrase}.`
  );
}

/** Scores both frameworks against a profile and explains the result. Pure and deterministic. */
export function recommend(input: ProjectProfile | unknown, knowledge: Knowledge): Recommendation {
  return recommendProfile(toProfile(input, knowledge), knowledge);
}

/** The same, for a profile already validated at the boundary (parseProfile): no second validation. */
export function recommendProfile(profile: ProjectProfile, knowledge: Knowledge): Recommendation {
  const { model, rows } = prepare(knowledge);
  const notes = readNotes(knowledge, profile);
  const imp = importance(model, profile, notes.needs, notes.excluded);
  const adv = advantages(model, imp);
  const { lead, djangoScore, pointsPerUnit } = tally(model, adv);
  const verdict = verdictOf(model, lead);
  const django = Math.round(djangoScore);
  const shares = { flask: 100 - django, django };
  const confidence = confidenceOf(knowledge, model, rows, imp, verdict);
  const { flips, whatWouldChange } = findFlips(knowledge, model, profile, notes.all, verdict, notes.excluded);
  return {
    verdict,
    shares,
    scores: { ...shares },
    margin: Math.abs(shares.django - shares.flask),
    lead,
    confidence,
    summary: summarise(knowledge, verdict, shares, confidence),
    factors: decisiveFactors(knowledge, profile, notes.needs, adv, pointsPerUnit, verdict),
    prosCons: relevantProsCons(knowledge, imp, {
      profile,
      notesNeeds: notes.all,
      excludedNeeds: notes.excluded,
    }),
    flips,
    whatWouldChange,
    caveats: applicableCaveats(knowledge, profile, notes.needs),
    notes: { needs: notes.needs, excluded: notes.excluded, text: notes.text },
    profile,
    knowledgeVersion: knowledge.meta.knowledgeVersion,
  };
}
