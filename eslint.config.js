import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const RUNNER = {
  group: ['@actions/*', '@octokit/*'],
  message: 'Only src/action/ (the GitHub front end) may import @actions/* or @octokit/*.'
}

/**
 * The floors of the house, lowest first: a folder imports only from the floors below it, so data
 * flows one way (settings -> client -> flow -> report -> the front end's sinks). The front end
 * (action/) is the top floor; main.ts above it only composes.
 */
const FLOORS = ['common', 'hacktron', 'findings', 'flow', 'report', 'settings', 'run', 'action']
const NO_IMPORT_UP = [
  ...FLOORS.flatMap((floor, index) =>
    FLOORS.slice(index + 1).map((upper) => ({
      target: `./src/${floor}`,
      from: `./src/${upper}`,
      message: `src/${floor}/ is below src/${upper}/ and must not import from it (data flows one way).`
    }))
  ),
  // Every folder of src/ is a floor, or the simulator: a new folder must be placed among them.
  {
    target: './src',
    from: './src',
    except: [...FLOORS, 'simulator', 'main.ts', 'index.ts'].map((place) => `./${place}`),
    message: 'Every folder of src/ is one of the floors in eslint.config.js (or the simulator).'
  },
  // main.ts and index.ts compose the house: nothing imports them.
  {
    target: [...FLOORS, 'simulator', 'main.ts'].map((place) => `./src/${place}`),
    from: ['./src/main.ts', './src/index.ts'],
    message: 'Nothing imports the entry points (src/main.ts, src/index.ts).'
  },
  // The simulator is a stand-in for Hacktron's API: it speaks the API's types, nothing of the action's.
  {
    target: './src/simulator',
    from: FLOORS.filter((floor) => floor !== 'common' && floor !== 'hacktron').map(
      (floor) => `./src/${floor}`
    ),
    message: "The simulator may use the API's types and common helpers, nothing of the action's."
  }
]

/** `import()` escapes no-restricted-imports: the same rule, for dynamic imports. */
const NO_DYNAMIC_RUNNER_IMPORT = {
  selector: 'ImportExpression[source.value=/^@(actions|octokit)\\//]',
  message: 'Only src/action/ (the GitHub front end) may import @actions/* or @octokit/*.'
}
/** What the action must never import: the simulator and the test helpers (the simulator may). */
const NOT_SHIPPED = [
  {
    group: ['**/simulator/**', '**/__tests__/**', '**/scripts/**', '**/__fixtures__/**'],
    message: 'The action must not import the simulator or test helpers.'
  }
]

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'src/hacktron/openapi.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ],
      'no-console': 'error'
    }
  },
  {
    // Only the runner-facing code (src/action/) touches the runner and GitHub; everything else
    // takes what it needs as arguments.
    files: ['src/**/*.ts'],
    ignores: ['src/action/**', 'src/hacktron/transport.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [RUNNER, ...NOT_SHIPPED] }],
      'no-restricted-syntax': ['error', NO_DYNAMIC_RUNNER_IMPORT]
    }
  },
  {
    // The one exception: the API client is built on @actions/http-client (for the runner's proxy
    // settings), in its transport only.
    files: ['src/hacktron/transport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ ...RUNNER, group: ['@actions/*', '!@actions/http-client'] }, ...NOT_SHIPPED]
        }
      ]
    }
  },
  {
    files: ['src/action/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: NOT_SHIPPED }] }
  },
  {
    // The simulator is a test tool that lives beside the action's code: it may use the API's
    // types, and nothing of the action's may import it.
    files: ['src/simulator/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [RUNNER] }] }
  },
  {
    // No import runs back up a floor, and no two modules import each other, however indirectly.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })]
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: NO_IMPORT_UP }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }]
    }
  },
  {
    // A function that does not fit on a screen does more than one thing.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, IIFEs: true }] }
  },
  {
    files: ['scripts/**', 'src/simulator/cli.ts', '__tests__/**'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['*.js'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' }
  }
)
