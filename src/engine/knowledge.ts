import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { projectRoot } from "../project-root.js";
import {
  type Caveat,
  CaveatsFileSchema,
  CriteriaFileSchema,
  type Criterion,
  type Examples,
  ExamplesSchema,
  type ExtensionHome,
  type Feature,
  FeaturesFileSchema,
  FRAMEWORKS,
  type FrameworkId,
  type Meta,
  MetaSchema,
  type ProCon,
  ProsConsFileSchema,
  type Question,
  QuestionsFileSchema,
  type Scoring,
  ScoringSchema,
} from "./knowledge-schema.js";
import { checkExamples } from "./understand/check-examples.js";

/** A data file that does not match its schema: names the file, the path inside it and the problem. */
export class KnowledgeError extends Error {
  override name = "KnowledgeError";
}

export type SingleQuestion = Extract<Question, { kind: "single" }>;
export type MultiQuestion = Extract<Question, { kind: "multi" }>;
export type TextQuestion = Extract<Question, { kind: "text" }>;
export type NeedFeature = Feature & { need: NonNullable<Feature["need"]> };

export interface Knowledge {
  meta: Meta;
  criteria: Criterion[];
  criterionIndex: Map<string, number>;
  questions: Question[];
  singleQuestions: SingleQuestion[];
  needsQuestion: MultiQuestion;
  notesQuestion: TextQuestion;
  features: Feature[];
  featureById: Map<string, Feature>;
  /** Features a project can need, in data order: the options of the needs question. */
  needFeatures: NeedFeature[];
  prosCons: ProCon[];
  caveats: Caveat[];
  scoring: Scoring;
  /** What people type, for understanding messages (data/examples.json). */
  examples: Examples;
}

const FILES = {
  meta: ["meta.json", MetaSchema],
  criteria: ["criteria.json", CriteriaFileSchema],
  questions: ["questions.json", QuestionsFileSchema],
  features: ["features.json", FeaturesFileSchema],
  prosCons: ["pros-cons.json", ProsConsFileSchema],
  caveats: ["caveats.json", CaveatsFileSchema],
  scoring: ["scoring.json", ScoringSchema],
  examples: ["examples.json", ExamplesSchema],
} as const;

/** Finds `data/` whether we run from `src/` (tsx, tests) or from `dist/src/` (built). */
export function defaultDataDir(): string {
  return join(projectRoot(), "data");
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
}

function readFile<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const path = join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new KnowledgeError(`data/${file}: cannot read it as JSON: ${(err as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues
      .slice(0, 10)
      .map((issue) => `data/${file} at ${formatPath(issue.path)}: ${issue.message}`);
    throw new KnowledgeError(lines.join("\n"));
  }
  return result.data;
}

/** Checks that hold across files: every id referenced exists, ids are unique, no alias is shared. */
function checkReferences(
  knowledge: Omit<Knowledge, "criterionIndex" | "featureById" | "needFeatures">,
): string[] {
  const problems: string[] = [];
  const criterionIds = new Set(knowledge.criteria.map((c) => c.id));
  const unique = (file: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`data/${file}: id "${id}" appears twice`);
      seen.add(id);
    }
  };
  unique(
    "criteria.json",
    knowledge.criteria.map((c) => c.id),
  );
  unique(
    "features.json",
    knowledge.features.map((f) => f.id),
  );
  unique(
    "questions.json",
    knowledge.questions.map((q) => q.id),
  );
  unique(
    "pros-cons.json",
    knowledge.prosCons.map((p) => p.id),
  );
  const criterion = (file: string, where: string, id: string) => {
    if (!criterionIds.has(id)) problems.push(`data/${file} at ${where}: unknown criterion "${id}"`);
  };

  const featureIds = new Set(knowledge.features.map((f) => f.id));
  knowledge.questions.forEach((q, qi) => {
    if (q.kind !== "single") return;
    if (q.feature && !featureIds.has(q.feature)) {
      problems.push(`data/questions.json at [${qi}].feature: unknown feature "${q.feature}"`);
    }
    unique(
      "questions.json",
      q.options.map((o) => `${q.id}.${o.value}`),
    );
    if (!q.options.some((o) => o.value === q.default)) {
      problems.push(`data/questions.json at [${qi}].default: "${q.default}" is not one of its options`);
    }
    q.options.forEach((o, oi) => {
      for (const c of [...Object.keys(o.effects), ...Object.keys(o.scale)]) {
        criterion("questions.json", `[${qi}].options[${oi}]`, c);
      }
      if (q.ordered && o.rank === undefined) {
        problems.push(`data/questions.json at [${qi}].options[${oi}].rank: ordered questions need a rank`);
      }
    });
  });
  for (const kind of ["multi", "text"] as const) {
    if (knowledge.questions.filter((q) => q.kind === kind).length !== 1) {
      problems.push(`data/questions.json: expected exactly one "${kind}" question`);
    }
  }

  const aliasOwner = new Map<string, string>();
  knowledge.features.forEach((f, fi) => {
    if (f.need) criterion("features.json", `[${fi}].need.criterion`, f.need.criterion);
    for (const alias of f.aliases) {
      const key = alias.trim().toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner && owner !== f.id)
        problems.push(`data/features.json: alias "${key}" belongs to both ${owner} and ${f.id}`);
      aliasOwner.set(key, f.id);
    }
  });
  problems.push(...checkProvenance(knowledge.features));
  knowledge.prosCons.forEach((p, pi) => {
    for (const c of p.criteria) criterion("pros-cons.json", `[${pi}].criteria`, c);
  });
  // A caveat condition that names a value no answer can have would silently never show.
  const valuesOf = new Map<string, Set<string>>();
  for (const q of knowledge.questions) {
    if (q.kind === "single") valuesOf.set(q.id, new Set(q.options.map((o) => o.value)));
    if (q.kind === "multi")
      valuesOf.set(q.id, new Set(knowledge.features.filter((f) => f.need).map((f) => f.id)));
  }
  const checkConditions = (file: string, items: Array<{ whenAny?: Array<Record<string, string[]>> }>) =>
    items.forEach((item, ci) => {
      item.whenAny?.forEach((cond, wi) => {
        for (const [q, values] of Object.entries(cond)) {
          const known = valuesOf.get(q);
          if (!known) {
            problems.push(`data/${file} at [${ci}].whenAny[${wi}]: unknown question "${q}"`);
            continue;
          }
          for (const v of values) {
            if (!known.has(v))
              problems.push(`data/${file} at [${ci}].whenAny[${wi}].${q}: unknown value "${v}"`);
          }
        }
      });
    });
  checkConditions("caveats.json", knowledge.caveats);
  checkConditions("pros-cons.json", knowledge.prosCons);
  return problems;
}

/** Built-in modules come from the framework's own distribution; extensions from its own organisations. */
const OWN_MODULES: Record<FrameworkId, readonly string[]> = {
  flask: ["flask", "werkzeug", "jinja2"],
  django: ["django"],
};
const OWN_HOMES: Record<FrameworkId, readonly ExtensionHome[]> = {
  flask: ["pallets", "pallets-eco"],
  django: ["django"],
};

/**
 * Provenance that holds across the whole knowledge base: a built-in names only the framework's own
 * modules, an extension is maintained by the framework's own organisations, and a package is the
 * same kind of thing (and has one docs link per framework) wherever it is named.
 */
function checkProvenance(features: Feature[]): string[] {
  const problems: string[] = [];
  const kindOf = new Map<string, { kind: string; where: string }>();
  const docsOf = new Map<string, string>();
  features.forEach((f, fi) => {
    for (const id of FRAMEWORKS) {
      const side = f[id];
      const at = `data/features.json at [${fi}].${id}`;
      if (side.provenance.kind === "built_in") {
        for (const m of side.provenance.modules) {
          const root = m.split(".")[0] ?? "";
          if (!OWN_MODULES[id].includes(root))
            problems.push(
              `${at}.provenance.modules: "${m}" is not part of ${id} (${OWN_MODULES[id].join(", ")})`,
            );
        }
      }
      const sources = [
        { source: side.provenance, path: "provenance" },
        ...side.addOns.map((a, ai) => ({ source: a, path: `addOns[${ai}]` })),
      ];
      for (const { source, path } of sources) {
        if (source.kind !== "extension" && source.kind !== "third_party") continue;
        for (const p of source.packages) {
          const home = "home" in p ? p.home : undefined;
          if (source.kind === "extension" && home && !OWN_HOMES[id].includes(home))
            problems.push(
              `${at}.${path}: ${p.name} (${home}) is not an extension of ${id}; list it as third_party`,
            );
          const kind = `${source.kind}${home ? ` (${home})` : ""}`;
          const key = p.name.toLowerCase();
          const seen = kindOf.get(key);
          if (seen && seen.kind !== kind)
            problems.push(`${at}.${path}: ${p.name} is ${kind} here but ${seen.kind} at ${seen.where}`);
          else if (!seen) kindOf.set(key, { kind, where: `${at}.${path}` });
          const docsKey = `${id}:${key}`;
          const docs = docsOf.get(docsKey);
          if (docs && docs !== p.docs)
            problems.push(`${at}.${path}: ${p.name} has two docs links (${docs}, ${p.docs})`);
          docsOf.set(docsKey, p.docs);
        }
      }
    }
  });
  return problems;
}

export function loadKnowledge(dir: string = defaultDataDir()): Knowledge {
  const base = {
    meta: readFile(dir, ...FILES.meta),
    criteria: readFile(dir, ...FILES.criteria),
    questions: readFile(dir, ...FILES.questions),
    features: readFile(dir, ...FILES.features),
    prosCons: readFile(dir, ...FILES.prosCons),
    caveats: readFile(dir, ...FILES.caveats),
    scoring: readFile(dir, ...FILES.scoring),
    examples: readFile(dir, ...FILES.examples),
  };
  const singleQuestions = base.questions.filter((q): q is SingleQuestion => q.kind === "single");
  const needsQuestion = base.questions.find((q): q is MultiQuestion => q.kind === "multi");
  const notesQuestion = base.questions.find((q): q is TextQuestion => q.kind === "text");
  const problems = checkReferences({
    ...base,
    singleQuestions,
    needsQuestion: needsQuestion as MultiQuestion,
    notesQuestion: notesQuestion as TextQuestion,
  });
  problems.push(...checkExamples(base.examples, base.features, base.questions));
  if (problems.length > 0 || !needsQuestion || !notesQuestion) {
    throw new KnowledgeError(problems.join("\n"));
  }
  const needFeatures = base.features.filter((f): f is NeedFeature => f.need !== undefined);
  for (const d of needsQuestion.default) {
    if (!needFeatures.some((f) => f.id === d)) {
      throw new KnowledgeError(`data/questions.json: needs default "${d}" is not a feature with a need`);
    }
  }
  return {
    ...base,
    singleQuestions,
    needsQuestion,
    notesQuestion,
    criterionIndex: new Map(base.criteria.map((c, i) => [c.id, i])),
    featureById: new Map(base.features.map((f) => [f.id, f])),
    needFeatures,
  };
}

let cached: Knowledge | undefined;

/** The knowledge base, read from `data/` once per process. */
export function getKnowledge(): Knowledge {
  cached ??= loadKnowledge();
  return cached;
}
