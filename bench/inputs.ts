import { seededRandom } from "../src/engine/confidence.js";
import { getKnowledge } from "../src/engine/index.js";

/** A profile as Slack or the terminal sends it, before validation. */
export interface ProfileInput {
  answers: Record<string, string>;
  needs: string[];
  notes: string;
}

const NOTES = [
  "",
  "",
  "staff must edit records in an admin dashboard",
  "we don't need an admin, just a JSON API for the mobile app",
  "celery background jobs, redis caching and translations into French and German",
  "serve a pytorch model; maybe a small dashboard later",
  "Existing Postgres database with 40 tables. Users log in with SSO. We want websockets for live updates.",
  "prototype for a hackathon",
];

/** About 50 varied profiles: a few hand-picked, the rest drawn with a fixed seed over every question. */
export function benchProfiles(count = 50): ProfileInput[] {
  const k = getKnowledge();
  const fixed: ProfileInput[] = [
    { answers: {}, needs: [], notes: "" },
    {
      answers: { project_type: "internal_tool", size: "medium", experience: "django" },
      needs: ["admin", "auth"],
      notes: "",
    },
    {
      answers: { project_type: "microservice", size: "tiny", flexibility: "full_control" },
      needs: [],
      notes: "",
    },
    {
      answers: { project_type: "realtime", priority: "performance" },
      needs: ["async"],
      notes: "websockets and a chat",
    },
    {
      answers: { project_type: "ecommerce", size: "large", timeline: "long_term", priority: "security" },
      needs: k.needFeatures.map((f) => f.id),
      notes: NOTES[6] as string,
    },
  ];
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const profiles = [...fixed];
  while (profiles.length < count) {
    const answers: Record<string, string> = {};
    for (const q of k.singleQuestions) if (random() < 0.85) answers[q.id] = pick(q.options).value;
    const needs = k.needFeatures.filter(() => random() < 0.2).map((f) => f.id);
    profiles.push({ answers, needs, notes: pick(NOTES) });
  }
  return profiles;
}

/** About 100 ways people ask about a feature: plain, typos, Slack markup, myths, and unknowns. */
export const PHRASINGS: readonly string[] = [
  // plain
  "admin panel",
  "orm",
  "migrations",
  "database models",
  "user login",
  "authentication",
  "permissions and roles",
  "sessions",
  "cookies",
  "forms",
  "form validation",
  "templates",
  "jinja2",
  "url routing",
  "class-based views",
  "rest api",
  "json api",
  "django rest framework",
  "async",
  "websockets",
  "security",
  "csrf protection",
  "testing",
  "pytest",
  "debugging",
  "debug toolbar",
  "performance",
  "scalability",
  "learning curve",
  "flexibility",
  "project structure",
  "blueprints",
  "i18n",
  "translations",
  "caching",
  "redis cache",
  "background tasks",
  "celery",
  "deployment",
  "gunicorn",
  "community",
  "documentation",
  "machine learning",
  "model serving",
  "history",
  "lts release",
  // questions in sentences
  "how does django handle user authentication?",
  "Is Flask good for building a REST API?",
  "what about background jobs with celery in flask vs django",
  "Which one is better for a large enterprise project?",
  "can I use mongodb with django",
  "does flask have an admin like django admin",
  "how hard is it to learn django for a beginner",
  "compare templating in flask and django please",
  "we need translations into several languages, which framework?",
  "hey bot, tell me about caching",
  // typos
  "admn panel",
  "authentcation",
  "permisions",
  "migratoins",
  "templtes",
  "websokets",
  "celry",
  "deploymnet",
  "scalabilty",
  "debuging",
  "transaltions",
  "databse",
  "sesions",
  "valdation",
  // Slack markup and punctuation
  "*admin* panel?",
  "`django.contrib.auth`",
  "<@U123ABC> what about ~sessions~ _cookies_?",
  "> quote: is django admin bootstrap?",
  "REST!!! API???",
  ":thinking_face: async/await support",
  "<https://flask.palletsprojects.com|flask docs> routing",
  "```celery```",
  "flask-login vs django.contrib.auth",
  "ORM / migrations / alembic",
  // myths
  "is django admin bootstrap",
  "is flask faster than django",
  "django doesn't support async",
  "flask can't scale",
  // several topics
  "admin and login",
  "forms, templates and sessions",
  "rest api with auth and permissions",
  // unknown
  "",
  "hello",
  "teleport",
  "graphql",
  "kubernetes helm charts",
  "what is the weather in paris",
  "xyzzy plugh",
  "user",
  "panel",
  "queue",
  "qwertyuiopasdfghjkl",
  "the quick brown fox jumps over the lazy dog near the riverbank at dawn while birds sing loudly",
  "a".repeat(500),
];
