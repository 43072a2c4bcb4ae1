import type { Knowledge } from "./knowledge.js";
import type { AddOn, FrameworkId, PackageRef, Provenance } from "./knowledge-schema.js";
import { kindWords } from "./provenance.js";

/** A package the knowledge base names as part of a framework's answer: Quart for async Flask. */
export interface NamedPackage {
  package: PackageRef;
  /** Whose answers name it: Quart Flask's; Celery both Flask's and Django's. */
  frameworks: FrameworkId[];
  featureTitle: string;
  /** What it adds, when it is an add-on ("an async reimplementation of the Flask API"). */
  for?: string;
  /** "a separate Pallets project", "a third-party package". */
  kind: string;
}

/** The package of that name in one source, described on its own ("a separate Pallets project"). */
function matching(
  source: Provenance | AddOn,
  wanted: string,
): { package: PackageRef; kind: string } | undefined {
  if (source.kind !== "extension" && source.kind !== "third_party") return undefined;
  const packages: PackageRef[] = source.packages;
  const one = packages.find((p) => p.name.toLowerCase() === wanted);
  if (!one) return undefined;
  // The source narrowed to that package, so it reads in the singular with its own home.
  const alone = {
    ...source,
    packages: source.packages.filter((p: PackageRef) => p === one),
  } as typeof source;
  return { package: one, kind: kindWords(alone) };
}

/**
 * The package of that name ("quart", "Flask-SocketIO") the knowledge base counts as part of Flask's
 * or Django's answer, or both ("celery"), on the first feature that names it; undefined when none
 * does. Asked about as an alternative ("what about quart?"), it is part of one of the two, not
 * something the app cannot weigh. Pure.
 */
export function packageNamed(knowledge: Knowledge, name: string): NamedPackage | undefined {
  const wanted = name.trim().toLowerCase();
  let found: NamedPackage | undefined;
  for (const feature of knowledge.features) {
    for (const framework of ["flask", "django"] as const) {
      const side = feature[framework];
      const sources: Array<Provenance | AddOn> = [side.provenance, ...side.addOns];
      for (const source of sources) {
        const hit = matching(source, wanted);
        if (!hit) continue;
        if (found) {
          if (!found.frameworks.includes(framework)) found.frameworks.push(framework);
          continue;
        }
        found = {
          package: hit.package,
          frameworks: [framework],
          featureTitle: feature.title,
          ...("for" in source ? { for: source.for } : {}),
          kind: hit.kind,
        };
      }
    }
  }
  return found;
}
