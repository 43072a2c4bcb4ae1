import type { Knowledge } from "./knowledge.js";
import type { AddOn, FrameworkId, PackageRef, Provenance } from "./knowledge-schema.js";
import { kindWords } from "./provenance.js";

/** A package the knowledge base names as part of a framework's answer: Quart for async Flask. */
export interface NamedPackage {
  package: PackageRef;
  framework: FrameworkId;
  featureTitle: string;
  /** What it adds, when it is an add-on ("an async reimplementation of the Flask API"). */
  for?: string;
  /** "a separate Pallets project", "a third-party package". */
  kind: string;
}

/** The package of that name in one source, with what it is said to be on its own. */
function matching(
  source: Provenance | AddOn,
  wanted: string,
): { package: PackageRef; kind: string } | undefined {
  const named = (p: PackageRef) => p.name.toLowerCase() === wanted;
  if (source.kind === "extension") {
    const one = source.packages.find(named);
    return one ? { package: one, kind: kindWords({ kind: "extension", packages: [one] }) } : undefined;
  }
  if (source.kind === "third_party") {
    const one = source.packages.find(named);
    return one ? { package: one, kind: kindWords({ kind: "third_party", packages: [one] }) } : undefined;
  }
  return undefined;
}

/**
 * The package of that name ("quart", "Flask-SocketIO") the knowledge base counts as part of Flask's
 * or Django's answer on some feature, or undefined. Asked about as an alternative ("what about
 * quart?"), it is part of one of the two, not something the app cannot weigh. Pure.
 */
export function packageNamed(knowledge: Knowledge, name: string): NamedPackage | undefined {
  const wanted = name.trim().toLowerCase();
  for (const feature of knowledge.features) {
    for (const framework of ["flask", "django"] as const) {
      const side = feature[framework];
      const sources: Array<Provenance | AddOn> = [side.provenance, ...side.addOns];
      for (const source of sources) {
        const found = matching(source, wanted);
        if (!found) continue;
        return {
          package: found.package,
          framework,
          featureTitle: feature.title,
          ...("for" in source ? { for: source.for } : {}),
          kind: found.kind,
        };
      }
    }
  }
  return undefined;
}
