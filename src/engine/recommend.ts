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
import { type Flip, findFlips } from "./sensitivity.js";

export interface NotesReading {
  /** Needs found in the notes that the needs answer did not already list. */
  needs: string[];
  /** What we did with the notes, in a sentence (empty when there were none). */
  text: string;
}

export interface Recommendation {
  verdict: Verdict;
  scores: { flask: number; django: number };
  /** Points between the two scores (0-100 scale), always >= 0. */
  margin: number;
  /** Django's score minus Flask's, unrounded: negative means Flask leads. */
  lead: number;
  confidence: Confidence;
  /** One sentence: the verdict, the scores and the confidence. */
  summary: string;
  factors: Factor[];
  prosCons: ProsCons;
  flips: Flip[];
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

function readNotes(knowledge: Knowledge, profile: ProjectProfile): NotesRead {
  if (profile.notes.trim() === "") return { needs: [], all: [], text: "" };
  const all = findNeedsInText(profile.notes, knowledge);
  const needs = all.filter((id) => !profile.needs.includes(id));
  if (needs.length === 0)
    return { needs, all, text: "We read your notes; they name no feature beyond your answers." };
  const phrases = needs.map((id) => knowledge.featureById.get(id)?.need?.phrase ?? id);
  return { needs, all, text: `From your notes we also counted ${phrases.join(", ")}.` };
}

function summarise(
  knowledge: Knowledge,
  verdict: Verdict,
  scores: Recommendation["scores"],
  confidence: Confidence,
): string {
  const percent = Math.round(confidence.share * 100);
  if (verdict === "either") {
    return (
      `Either framework fits: Flask ${scores.flask}, Django ${scores.django} is too close to call, ` +
      `and it stays a toss-up in ${percent}% of plausible weightings (${confidence.label} confidence).`
    );
  }
  const other = verdict === "django" ? "flask" : "django";
  return (
    `${knowledge.meta.frameworks[verdict].name} fits this project better, ${scores[verdict]} to ${scores[other]}, ` +
    `with ${confidence.label} confidence: it stays ahead in ${percent}% of plausible weightings.`
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
  const imp = importance(model, profile, notes.needs);
  const adv = advantages(model, imp);
  const { lead, djangoScore, pointsPerUnit } = tally(model, adv);
  const verdict = verdictOf(model, lead);
  const django = Math.round(djangoScore);
  const scores = { flask: 100 - django, django };
  const confidence = confidenceOf(knowledge, model, rows, adv, verdict);
  return {
    verdict,
    scores,
    margin: Math.abs(scores.django - scores.flask),
    lead,
    confidence,
    summary: summarise(knowledge, verdict, scores, confidence),
    factors: decisiveFactors(knowledge, profile, notes.needs, adv, pointsPerUnit, verdict),
    prosCons: relevantProsCons(knowledge, imp),
    flips: findFlips(knowledge, model, profile, notes.all, verdict),
    caveats: applicableCaveats(knowledge, profile, notes.needs),
    notes: { needs: notes.needs, text: notes.text },
    profile,
    knowledgeVersion: knowledge.meta.knowledgeVersion,
  };
}
