import { describe, expect, it } from "vitest";
import {
  DEV_SET,
  DEV2_SET,
  DEV3_SET,
  DEV4_SET,
  DEV5_SET,
  DEV6_SET,
  DEV7_SET,
  DEV8_SET,
  DEV9_SET,
  DEV10_SET,
  loadHeldOut,
  MULTI_SET,
  MULTI2_SET,
  runHeldOut,
} from "../../scripts/eval/held-out.js";
import { report } from "../../scripts/eval/scoring.js";
import { getKnowledge } from "../../src/engine/index.js";

const knowledge = getKnowledge();
const result = report(runHeldOut(knowledge, loadHeldOut()));

/**
 * The held-out set (test/eval/held-out.json) was written by someone who never saw
 * data/examples.json, and nothing in data/ is taken from it. `npm run eval` prints the details.
 */
describe("understanding the held-out set", () => {
  // The lines the issue asks for. NOT MET: 89.5% (214/239) and 2 false answers at runs 26–29, with
  // the nearest examples voting on the kind of message, then Porter2 stems; 88.7% (212/239) and 2 at run 25, after 42
  // examples that said the same words as an evaluation question (22 matching a held-out one) were removed;
  // 89.1% (213/239) and 2 false answers at run 22 with them (round 5:
  // long messages' background, the kind classifier averaged over training orders, 160 more examples);
  // 87.4% (209/239) and 2 at run 20 (round 4: 87 more examples); 86.6% (207) and 2 at run 19 (round 3: two aliases in one breath, scene-setting
  // parts, 181 more examples); 87.4% (209) and 2 at run 18;
  // 78.2% and 2 before it; 66.1% and 12 before the classifiers (README, "How questions are understood").
  // Reached at run 51 (216/239, 90.3%), once the app's own name ("/flask-or-django") no longer read as
  // "flask or django?".
  it("is right on at least 90% of the questions", () => {
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  // `it.fails` keeps the target visible in every run: when the layer reaches it, this test fails and
  // the marker must go.
  it.fails("gives no feature or decision answer to a question it should not answer", () => {
    expect(result.falseAnswersOnUnknown).toBe(0);
  });

  // Until then, no change may make it worse than the figures measured.
  // The floor is what was last measured (runs 60–68; 216 at runs 51–59), not what was hoped.
  it("does no worse than last measured: 217 of 239 right (90.7%), at most 1 false answer", () => {
    expect(result.right).toBeGreaterThanOrEqual(217);
    expect(result.falseAnswersOnUnknown).toBeLessThanOrEqual(1);
  });

  it("covers every intent", () => {
    for (const intent of ["feature", "decision", "help", "thanks", "chatter", "pushback", "unknown"]) {
      expect(result.perIntent.get(intent)?.total ?? 0, intent).toBeGreaterThan(0);
    }
  });
});

/** Our own development set (test/eval/dev.json): read and tuned against, so its figures are optimistic. */
describe("understanding the development set", () => {
  const dev = report(runHeldOut(knowledge, loadHeldOut(DEV_SET)));

  it("has at least 150 questions, 25 of them about nothing the app knows", () => {
    expect(dev.total).toBeGreaterThanOrEqual(150);
    expect(dev.unknownItems).toBeGreaterThanOrEqual(25);
  });

  // Round 5 (the kind classifier averaged over 8 training orders) measured 210; round 5's examples kept
  // it; Naive Bayes smoothed at 0.15 instead of 0.3 costs one (and gives dev2 +3.5, dev3 +1.5 over orders);
  // reading "we'll" as "we will" (not "well") retrains the model, and "would a coin flip do as well lol"
  // falls to unknown (209.0 → 208.3 over 3 orders). 209 after the examples copying evaluation
  // questions were removed; 211 with the nearest examples' vote.
  it("does no worse than last measured: 211 of 219 right (96.3%), no false answer", () => {
    expect(dev.right).toBeGreaterThanOrEqual(211);
    expect(dev.falseAnswersOnUnknown).toBe(0);
  });
});

/**
 * The second development set (test/eval/dev2.json), written before the examples it measures and
 * never a source of them: the honest figure next to the held-out one.
 */
describe("understanding the second development set", () => {
  const dev2 = report(runHeldOut(knowledge, loadHeldOut(DEV2_SET)));

  it("has at least 100 questions, 10 of them about nothing the app knows", () => {
    expect(dev2.total).toBeGreaterThanOrEqual(100);
    expect(dev2.unknownItems).toBeGreaterThanOrEqual(10);
  });

  // 123 and no false answer at round 4, with one training order's luck: over 5 orders that model
  // averaged 119.6 and 0.6 false answers. Round 5's averages 122.7 and 0.3; after round 5's examples
  // 121.7 and 0.3 over 3 orders, and the shipped model has 122 and none; Naive Bayes smoothed at 0.15, 126.
  // 123 (124.3 over 6 orders) once 6 examples that said the same words as a dev2 question were removed;
  // 124 (124.8) with the nearest examples' vote; 125 (126.0) with Porter2 stems; 126 (126.0) with
  // round 8's opinions told ("the admin is honestly the best part of django imo" is chatter); 127 (127.5)
  // once a word corrected into an off-topic one rules nothing out; 128 (127.5) once an alias whose
  // feature both classifiers all but rule out gives way to their reading (round 16).
  it("does no worse than last measured: 128 of 135 right (94.8%), no false answer", () => {
    expect(dev2.right).toBeGreaterThanOrEqual(128);
    expect(dev2.falseAnswersOnUnknown).toBe(0);
  });
});

/**
 * The third development set (test/eval/dev3.json), written blind: like the held-out set, only its
 * figures are ever looked at (`npm run eval -- --dev3`).
 */
describe("understanding the third development set", () => {
  const dev3 = report(runHeldOut(knowledge, loadHeldOut(DEV3_SET)));

  // 148 before round 5's examples (148.7 over 3 orders); after them 151.3 over 3 orders; 153 with Naive
  // Bayes smoothed at 0.15; 152 once a list of asks in a long message counts (152.7 → 151.7 over 3 orders);
  // 151 once 11 examples that said the same words as a dev3 question were removed; 153 (152.5 over 6
  // orders, 150.8 without) with the nearest examples' vote; 154 (153.5) with round 9's pairs; 155 (154.3)
  // once an alias whose feature both classifiers all but rule out gives way (round 16).
  it("does no worse than last measured: 155 of 177 right (87.5%), at most 3 false answers", () => {
    expect(dev3.right).toBeGreaterThanOrEqual(155);
    expect(dev3.falseAnswersOnUnknown).toBeLessThanOrEqual(3);
  });
});

/**
 * The fifth set (test/eval/dev5.json), written blind and measured only, like the held-out set: it was
 * written after round 5's rules, so it says how far they carry to text nobody tuned on. The layer as it
 * was before round 5 got 137 of 177 and no false answer.
 */
describe("understanding the fifth set", () => {
  const dev5 = report(runHeldOut(knowledge, loadHeldOut(DEV5_SET)));

  // 149 when first measured; 148 once a list of asks in a long message counts ("tell me about caching,
  // the admin panel, the orm, celery jobs and i18n" had been answered as caching alone); 150 with
  // "we'll" read as "we will"; 152 once examples copying evaluation questions were removed and "help"
  // alone is read as the command word it is; 153 with round 9's pairs; 154 once background told before
  // the question no longer rules a feature out with its other tools; 156 once an alias whose feature both
  // classifiers all but rule out gives way to their reading (round 16).
  it("does no worse than last measured: 156 of 177 right (88.1%), at most 1 false answer", () => {
    expect(dev5.right).toBeGreaterThanOrEqual(156);
    expect(dev5.falseAnswersOnUnknown).toBeLessThanOrEqual(1);
  });
});

/**
 * The sixth set (test/eval/dev6.json), written blind by another writer and measured only. It was
 * written when the held-out set read 89.1%, to say whether that figure holds on text nobody has
 * measured before: the layer got 149 of 190 (78.4%) when it was first measured.
 */
describe("understanding the sixth set", () => {
  const dev6 = report(runHeldOut(knowledge, loadHeldOut(DEV6_SET)));

  // 147 once examples copying evaluation questions were removed, 149 with "help" read by rule and six
  // help examples, 150 with the nearest examples' vote, 151 with Porter2 stems, 150 once the vote
  // decides the kind of message and no longer which feature, 151 with round 9's pairs, 152 once grammar
  // words ("after", "first") are no domain words; 153 once help that names a feature by its alias asks
  // about the feature; 154 once a request sets no scene in a long message either; 155 once a topic told
  // in the past with an object after the verb ("caching saved us…") is a remark; 156 once an alias whose
  // feature both classifiers all but rule out gives way to their reading (round 16).
  it("does no worse than last measured: 156 of 190 right (82.1%), at most 1 false answer", () => {
    expect(dev6.right).toBeGreaterThanOrEqual(156);
    expect(dev6.falseAnswersOnUnknown).toBeLessThanOrEqual(1);
  });
});

/**
 * The fourth development set (test/eval/dev4.json), written blind and then read and tuned on: long
 * messages that tell their background before they ask, and two-feature questions.
 */
describe("understanding the fourth development set", () => {
  const dev4 = report(runHeldOut(knowledge, loadHeldOut(DEV4_SET)));

  it("has at least 150 questions, 20 about two features and 15 about nothing the app knows", () => {
    expect(dev4.total).toBeGreaterThanOrEqual(150);
    const pairs = loadHeldOut(DEV4_SET).filter(
      (i) => i.expect.intent === "feature" && i.expect.features.length === 2,
    );
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    expect(dev4.unknownItems).toBeGreaterThanOrEqual(15);
  });

  // Written at 130 (2 false answers); round 5 brought it to 163 (it is tuned on: rules and examples).
  // 161 and a false answer ("…a github action that runs on every pr" read as testing) once 42 examples
  // copying evaluation questions were removed: 162.5 and 0.5 over 6 orders; 162 (163.8 and 0.3) with the
  // nearest examples' vote; 164 (164.5) and none (0.0) with Porter2 stems; 165 once the vote decides the
  // kind of message and no longer which feature; 166 (165.5) with round 9's pairs; 167 once a dot inside
  // a name ("app.py") ends no sentence; 168 once a part that "plus" adds to asks too; 169 (168.0) once an
  // alias whose feature both classifiers all but rule out gives way to their reading (round 16).
  it("does no worse than last measured: 169 of 182 right (92.8%), no false answer", () => {
    expect(dev4.right).toBeGreaterThanOrEqual(169);
    expect(dev4.falseAnswersOnUnknown).toBe(0);
  });
});

/**
 * The seventh set (test/eval/dev7.json), written blind by another writer, weighted to the hard cases
 * (two features, a feature named in passing, remarks in a thread, near-domain questions we cannot
 * answer), then read and tuned on.
 */
describe("understanding the seventh development set", () => {
  const dev7 = report(runHeldOut(knowledge, loadHeldOut(DEV7_SET)));

  // 162 and 7 false answers when first measured (161.5 and 6.8 over 6 orders); 167 and 6 after round 8's
  // rules: experience told in the past, plans, only Flask or Django making a question ours; 171 (170.3
  // over 6 orders) with round 9's pairs (answer nouns, "per", numbered lists, a lower alias share); 172
  // and 5 (171.3 and 5.0) once grammar words ("after", "first") are no domain words; 173 and 4 (172.3 and
  // 4.0) once another framework's own feature is not ours ("how does rails handle …"); 174 (173.3) once
  // background told before the question no longer rules a feature out with its other tools; 176 (175.3)
  // once each part of a one-sentence question asks when none opens as one (round 13); 177 (176.3) once a
  // word corrected into an off-topic one rules nothing out; 179 once the case against and what would flip
  // it are read in other words (round 15).
  it("does no worse than last measured: 179 of 200 right (89.5%), at most 4 false answers", () => {
    expect(dev7.right).toBeGreaterThanOrEqual(179);
    expect(dev7.falseAnswersOnUnknown).toBeLessThanOrEqual(4);
  });
});

/**
 * The eighth set (test/eval/dev8.json), written blind by another writer on the line between what the
 * app answers and what it declines: 70 questions it cannot answer, many worded like ours (a verdict on
 * a logo, a flip of an office move, sessions in express); then read and tuned on.
 */
describe("understanding the eighth development set", () => {
  const dev8 = report(runHeldOut(knowledge, loadHeldOut(DEV8_SET)));

  it("has at least 150 questions, 60 of them about nothing the app knows", () => {
    expect(dev8.total).toBeGreaterThanOrEqual(150);
    expect(dev8.unknownItems).toBeGreaterThanOrEqual(60);
  });

  // 130 and 20 false answers when first measured (128.0 and 21.5 over 6 orders; 3 items that said what
  // examples already said were dropped); 137 and 13 (134.8 and 14.7) once a decision's object that no
  // question about ours names makes it another decision; 138 once a verdict question naming an alternative
  // asks about it; 139 and 12 (137.0 and 13.5) once another framework's own feature is not ours; 138 and
  // 13 (136.0 and 14.5) once names that are everyday words ("express", "spring") no longer decide that;
  // 140 and 11 (138.3 and 12.2) once another kind of thing chosen, other options offered, or two words
  // no question about ours uses make it another decision, and such a message is declined outright; 141
  // and 10 (139.3 and 11.2) once a real word is never corrected into a topic word; 142 once "risks" ask
  // the case against; 143 (141.0) once a word corrected into an off-topic one rules nothing out; 144 and 9
  // (142.0 and 10.3) once, with no feature named, a feature's everyday words are not ours either; 145
  // (142.3 and 10.0) once a "which" whose head noun is a feature's alias asks about that feature; 146
  // and 7 once how sure of a clause about another matter is declined (round 14); 147 once how sure is read
  // in words of the margin ("by how much did flask lose", round 15); 149 and 6 once an everyday name after
  // "in" before what it is done with is the framework ("sessions in express with a redis store") and an
  // opinion in words of elegance is told (round 16).
  it("does no worse than last measured: 149 of 167 right (89.2%), at most 6 false answers", () => {
    expect(dev8.right).toBeGreaterThanOrEqual(149);
    expect(dev8.falseAnswersOnUnknown).toBeLessThanOrEqual(6);
  });
});

/**
 * The ninth set (test/eval/dev9.json), written blind by another writer on the line between this app's
 * decision and other decisions worded the same way ("which ci vendor are we going with"), and measured
 * only: 109 of 146 and 21 false answers of 70 when first measured (4 of its 150 items said what
 * examples already said, and were dropped).
 */
describe("understanding the ninth set", () => {
  const dev9 = report(runHeldOut(knowledge, loadHeldOut(DEV9_SET)));

  it("has at least 140 questions, 60 of them about nothing the app knows", () => {
    expect(dev9.total).toBeGreaterThanOrEqual(140);
    expect(dev9.unknownItems).toBeGreaterThanOrEqual(60);
  });

  // 118 and 11 once another kind of thing chosen, other options offered, or two words no question about
  // ours uses make a decision question another decision, declined outright (121 and 7 before a
  // reviewer's probes showed how many questions about ours that first version declined); 118 and 10 once
  // a real word is never corrected into a topic word; 120 and 8 once, with no feature named, a feature's
  // everyday words ("vendor", "launch") are not ours either (round 13); 122 and 7 once push-back on
  // another matter and how sure of a clause about another matter are declined (round 14); 124 once the
  // case against and what would flip it are read in other words (round 15); 125 once one other framework
  // weighed for this project with a word of fit is an alternative question (round 16).
  it("does no worse than last measured: 125 of 146 right (85.6%), at most 7 false answers", () => {
    expect(dev9.right).toBeGreaterThanOrEqual(125);
    expect(dev9.falseAnswersOnUnknown).toBeLessThanOrEqual(7);
  });
});

/**
 * The tenth set (test/eval/dev10.json), written blind by another writer on two features asked at once
 * against one feature with another's topic only as context, and measured only: 112 of 150 and no false
 * answer of 8 when first measured, 39 of its 65 two-feature questions right (24 answered about one of the two).
 */
describe("understanding the tenth set", () => {
  const dev10 = report(runHeldOut(knowledge, loadHeldOut(DEV10_SET)));

  it("has at least 140 questions", () => {
    expect(dev10.total).toBeGreaterThanOrEqual(140);
  });

  // 113 once background told before the question no longer rules a feature out with its other tools;
  // 114 once "why" and a framework asks about the pick (round 12); 117 once each part of a one-sentence
  // question asks when none opens as one (round 13); 118 once a part that "plus" adds to asks too.
  it("does no worse than last measured: 118 of 150 right (78.7%), no false answer", () => {
    expect(dev10.right).toBeGreaterThanOrEqual(118);
    expect(dev10.falseAnswersOnUnknown).toBe(0);
  });
});

/** Questions about two features, and about one that name another's word (test/eval/multi.json). */
describe("telling two features from one", () => {
  // 33 before Naive Bayes was smoothed at 0.15 instead of 0.3 (32.5 → 32.0 over 2 orders); 34 with "as
  // well as" read as "and"; 35 with round 9's pairs; 36 once "per" governs only the word after it.
  it("does no worse than last measured: 36 of 50 right", () => {
    expect(report(runHeldOut(knowledge, loadHeldOut(MULTI_SET))).right).toBeGreaterThanOrEqual(36);
  });

  // test/eval/multi2.json: written before round 3's rules (one breath, scene-setting parts), then tuned on.
  // 55 before round 5's examples (54.3 over 3 orders); 54 after them (53.3 over 3 orders); 53 with Naive
  // Bayes smoothed at 0.15 (53.5 → 52.5 over 2 orders); 57 (56.5 over 6 orders) with round 9's pairs.
  it("does no worse than last measured on the second set: 57 of 65 right", () => {
    expect(report(runHeldOut(knowledge, loadHeldOut(MULTI2_SET))).right).toBeGreaterThanOrEqual(57);
  });
});
