import js from '@eslint/js'
import tseslint from 'typescript-eslint'

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
    // Domain code takes what it needs as arguments; only the thin shell touches the runner.
    files: ['src/hacktron/**', 'src/flow/**', 'src/report/**', 'src/simulator/**'],
    // The transport is the one place the client touches @actions/http-client (for proxy support).
    ignores: ['src/hacktron/transport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@actions/*'], message: 'Domain code must not import @actions/*.' }]
        }
      ]
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
