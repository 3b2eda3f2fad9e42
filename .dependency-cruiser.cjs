/**
 * The architecture's dependency rules (docs/ARCHITECTURE.md), checked by `npm run lint`:
 * web → shared; server → rules → shared; modules meet only through their index.ts.
 */
module.exports = {
  forbidden: [
    {
      name: 'web-only-shared',
      comment:
        'The UI reaches the server over HTTP only; it shares schemas and types through src/shared, and checks the few pure rule tables the server checks (docs/adr/0002).',
      severity: 'error',
      from: { path: '^src/web/' },
      to: {
        path: '^src/(server|rules)/',
        pathNot: '^src/rules/(records/[^/]+|profiles/citizen-profiles|deadlines/deadline-rules|cases/decision-approval)\\.ts$',
      },
    },
    {
      name: 'web-rules-stay-pure',
      comment: 'The rule files the UI uses carry no npm or Node dependency into the browser (docs/adr/0002).',
      severity: 'error',
      from: {
        path: '^src/rules/(records/[^/]+|profiles/citizen-profiles|deadlines/deadline-rules|cases/decision-approval)\\.ts$',
      },
      to: { dependencyTypes: ['core', 'npm'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared is isomorphic: it depends on nothing else of ours.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|rules|web)/' },
    },
    {
      name: 'rules-only-shared',
      comment: 'src/rules is pure law: it may use src/shared, never the server or the UI.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'rules-and-shared-no-io',
      comment: 'No I/O, no database and no clock libraries in pure code.',
      severity: 'error',
      from: { path: '^src/(rules|shared)/' },
      to: {
        dependencyTypes: ['core', 'npm'],
        // Core modules resolve to their name, npm packages to their path under node_modules.
        path: '^(node:)?(fs|net|http|https|child_process)$|^node_modules/(pg|kysely|@electric-sql/pglite|fastify)/',
      },
    },
    {
      name: 'platform-not-modules',
      comment: 'The platform serves every module and knows none of them.',
      severity: 'error',
      from: { path: '^src/server/platform/' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'platform-not-app-db',
      comment:
        'The platform is generic over the schema: the application registers its schema type (platform/db/schema.ts) and passes its migrations in; the platform imports nothing of src/server/db.',
      severity: 'error',
      from: { path: '^src/server/platform/' },
      to: { path: '^src/server/db/' },
    },
    {
      name: 'modules-through-index',
      comment: 'A module uses another only through its index.ts (its public API).',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: { path: '^src/server/modules/([^/]+)/(?!index\\.ts$)', pathNot: '^src/server/modules/$1/' },
    },
    {
      name: 'sql-only-in-repositories',
      comment: 'Use cases, routes and helpers reach the database through their module’s repository.',
      severity: 'error',
      from: { path: '^src/server/modules/', pathNot: '\\.repository\\.ts$' },
      to: { path: '^node_modules/(kysely|pg|@electric-sql/pglite)/', dependencyTypes: ['npm'] },
    },
    {
      name: 'letters-are-pure',
      comment: 'Letter templates are pure: a model in, the letter text out. No database, no platform, no other module, no clock.',
      severity: 'error',
      from: { path: '^src/server/modules/letters/' },
      to: { path: '^src/server/(platform|db|modules/(?!letters/))' },
    },
    {
      name: 'pdf-rendering-apart',
      comment:
        'Only the PDF renderers (letters/*.pdf.ts: the letter, the printed case; agreements/report.pdf.ts: the status report) know pdfkit; the templates and everything else stay with the structured document.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: '^src/server/modules/(letters/[a-z-]+|agreements/report)\\.pdf\\.ts$',
      },
      to: { path: '^node_modules/pdfkit/', dependencyTypes: ['npm'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      from: { orphan: true, pathNot: ['\\.d\\.ts$', '\\.test\\.ts$', '(^|/)tsconfig\\.json$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
