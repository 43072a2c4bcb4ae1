/**
 * Shorthand people type in Slack, read as the words it stands for before anything else looks at
 * the message: "pg" is postgres, "ws" websockets, "perms" permissions, "u" you. A value of several
 * words replaces the word with all of them. Keys are single normalised words (lower case, no punctuation).
 */
export const SHORTHAND: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    // databases and storage
    pg: "postgres",
    psql: "postgres",
    postgre: "postgres",
    pgsql: "postgres",
    db: "database",
    dbs: "databases",
    rdbms: "database",
    mongo: "mongodb",
    memcache: "memcached",
    // the web
    ws: "websocket",
    wss: "websocket",
    websock: "websocket",
    sockets: "websockets",
    apis: "api",
    slower: "slow",
    tmpl: "template",
    tpl: "template",
    tmpls: "templates",
    authn: "authentication",
    authz: "authorization",
    perms: "permissions",
    perm: "permission",
    acl: "access control",
    acls: "access control",
    sso: "single sign on",
    oauth2: "oauth",
    "2fa": "two factor authentication",
    mfa: "multi factor authentication",
    // running it
    k8s: "kubernetes",
    kube: "kubernetes",
    githubactions: "github actions",
    gha: "github actions",
    prod: "production",
    env: "environment",
    envs: "environments",
    infra: "infrastructure",
    config: "configuration",
    perf: "performance",
    langs: "languages",
    lang: "language",
    // people and code
    devs: "developers",
    dev: "developer",
    repo: "repository",
    deps: "dependencies",
    dep: "dependency",
    libs: "libraries",
    lib: "library",
    pkg: "package",
    pkgs: "packages",
    js: "javascript",
    ts: "typescript",
    // chat
    u: "you",
    ur: "your",
    r: "are",
    pls: "please",
    plz: "please",
    thx: "thanks",
    thnx: "thanks",
    tks: "thanks",
    ty: "thank you",
    tysm: "thank you so much",
    bc: "because",
    cuz: "because",
    w: "with",
    wo: "without",
    abt: "about",
    smth: "something",
    sth: "something",
    rn: "right now",
    idk: "i dont know",
    imo: "in my opinion",
    imho: "in my opinion",
    tbh: "to be honest",
    wdyt: "what do you think",
    ppl: "people",
  }).map(([k, v]) => [k, v.split(" ")]),
);

/** The words a typed word stands for: itself unless it is shorthand. */
export function expandShorthand(word: string): readonly string[] {
  return SHORTHAND.get(word) ?? [word];
}
