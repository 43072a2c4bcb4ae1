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
import { getKnowledge, type Knowledge } from "./knowledge.js";
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
function prepare(k: Knowledge): Prepared {
  let p = prepared.get(k);
  if (!p) {
    p = { model: compileModel(k), rows: perturbations(k) };
    prepared.set(k, p);
  }
  return p;
}

function readNotes(k: Knowledge, profile: ProjectProfile): NotesRead {
  if (profile.notes.trim() === "") return { needs: [], all: [], text: "" };
  const all = findNeedsInText(profile.notes, k);
  const needs = all.filter((id) => !profile.needs.includes(id));
  if (needs.length === 0)
    return { needs, all, text: "We read your notes; they name no feature beyond your answers." };
  const phrases = needs.map((id) => k.featureById.get(id)?.need?.phrase ?? id);
  return { needs, all, text: `From your notes we also counted ${phrases.join(", ")}.` };
}

function summarise(
  k: Knowledge,
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
    `${k.meta.frameworks[verdict].name} fits this project better, ${scores[verdict]} to ${scores[other]}, ` +
    `with ${confidence.label} confidence: it stays ahead in ${percent}% of plausible weightings.`
  );
}

/** Scores both frameworks against a profile and explains the result. Pure and deterministic. */
export function recommend(input: ProjectProfile | unknown, k: Knowledge = getKnowledge()): Recommendation {
  return recommendProfile(toProfile(input, k), k);
}

/** The same, for a profile already validated at the boundary (parseProfile): no second validation. */
export function recommendProfile(profile: ProjectProfile, k: Knowledge = getKnowledge()): Recommendation {
  const { model, rows } = prepare(k);
  const notes = readNotes(k, profile);
  const imp = importance(model, profile, notes.needs);
  const adv = advantages(model, imp);
  const { lead, djangoScore, pointsPerUnit } = tally(model, adv);
  const verdict = verdictOf(model, lead);
  const django = Math.round(djangoScore);
  const scores = { flask: 100 - django, django };
  const confidence = confidenceOf(k, model, rows, adv, verdict);
  return {
    verdict,
    scores,
    margin: Math.abs(scores.django - scores.flask),
    lead,
    confidence,
    summary: summarise(k, verdict, scores, confidence),
    factors: decisiveFactors(k, profile, notes.needs, adv, pointsPerUnit, verdict),
    prosCons: relevantProsCons(k, imp),
    flips: findFlips(k, model, profile, notes.all, verdict),
    caveats: applicableCaveats(k, profile, notes.needs),
    notes: { needs: notes.needs, text: notes.text },
    profile,
    knowledgeVersion: k.meta.knowledgeVersion,
  };
}
