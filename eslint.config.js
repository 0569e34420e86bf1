// The linter keeps the shape of the code (decision 0041): http → domains → db, and only repositories touch the database.
import tseslint from 'typescript-eslint';

/** Calls that build or run a query: only repositories, `src/db` and migrations may make them. */
const QUERY_CALLS = 'selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom|executeQuery';

const queryOutsideRepositories = [
  {
    selector: `CallExpression[callee.property.name=/^(${QUERY_CALLS})$/]`,
    message: 'Only *.repo.ts files query the database: move this query into a repository function (issue #13).',
  },
  {
    selector: "TaggedTemplateExpression[tag.name='sql']",
    message: 'Only *.repo.ts files write SQL: move this query into a repository function (issue #13).',
  },
];

/** Rules for every file under src/http: http calls services, never the database or a repository. */
const httpRules = {
  'no-restricted-syntax': [
    'error',
    ...queryOutsideRepositories,
    {
      selector:
        "MemberExpression[property.name='db'][object.name=/^deps$/], MemberExpression[property.name='db'][object.property.name='deps']",
      message: 'Pages and the API call services, which hold deps.db; http never touches the database (issue #13).',
    },
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['**/*.repo.ts'],
          allowTypeImports: true,
          message: 'http imports only types from repositories; call a service instead (issue #13).',
        },
        { group: ['kysely'], allowTypeImports: true, message: 'http never builds queries (issue #13).' },
      ],
    },
  ],
};

const KYSELY = { group: ['kysely'], allowTypeImports: true, message: 'Only repositories and src/db build queries (issue #13).' };
const HTTP = {
  group: ['**/http/**', 'fastify', '@fastify/*'],
  message: 'Domains know nothing of HTTP: return data or throw a DomainError (issue #13).',
};
const ABOVE = { group: ['**/cli/**', '**/demo/**'], message: 'Domains sit below the CLI and the demo, never above them (issue #13).' };
const restrictImports = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.repo.ts', 'src/db/**', 'src/http/**'],
    rules: { 'no-restricted-syntax': ['error', ...queryOutsideRepositories], 'no-restricted-imports': restrictImports(KYSELY) },
  },
  {
    files: ['src/domains/**/*.ts', 'src/lib/**/*.ts'],
    ignores: ['src/**/*.repo.ts'],
    rules: { 'no-restricted-imports': restrictImports(KYSELY, HTTP, ABOVE) },
  },
  { files: ['src/**/*.repo.ts', 'src/db/**/*.ts'], rules: { 'no-restricted-imports': restrictImports(HTTP, ABOVE) } },
  { files: ['src/http/**/*.ts'], rules: httpRules },
);
