/**
 * The thresholds that turn retrieval scores into answers, chosen by cross-validation over
 * data/examples.json (`npm run eval -- --cv`), never on the held-out set.
 */
export const TUNING: Tuning = {
  /** Below this share of the message recognised, nothing is answered: unknown (or chatter, for a statement). */
  cutoff: 0.2,
  /** Below this share, the answer is given but flagged unsure. */
  sure: 0.5,
  /** A runner-up label scoring at least this share of the winner's score makes the answer unsure. */
  close: 0.9,
  /** Least evidence (rarity of the words recognised) for any answer: "flask" alone is no topic. */
  minEvidence: 1.5,
  /** Another part of the message ("…and caching?") adds its feature when read at least this surely. */
  alsoAsked: 0.8,
  /** A part of the notes names a need when read at least this surely. */
  notes: 0.3,
  /** How much more of the message a feature must account for to win over another kind of reading. */
  featureLead: 0.45,
  /** A word nobody indexed weighs this share of the rarest known word: it may be filler, or a topic we lack. */
  unknownWord: 0.5,
};

export interface Tuning {
  cutoff: number;
  sure: number;
  close: number;
  minEvidence: number;
  alsoAsked: number;
  notes: number;
  featureLead: number;
  unknownWord: number;
}
