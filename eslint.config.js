// ESLint flat config. Formatting is prettier's job (.prettierrc.json); these rules only look for bugs.
// The action's own code (src/) gets typescript-eslint's strictest type-aware set because it handles
// credentials and runs unattended; the tools around it (tests, the control plane, scripts) get the recommended set.
import eslint from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

// The few Node globals the plain .js config files use (the `globals` package is not a direct dependency).
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  Buffer: 'readonly'
}

// Options on top of typescript-eslint's presets, for every TypeScript file.
const ourTypeScriptRules = {
  // `_`-prefixed names mark parameters an interface makes us accept but we do not use.
  '@typescript-eslint/no-unused-vars': [
    'error',
    { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
  ],
  // Numbers in messages are fine; objects ('[object Object]') and undefined are the real mistakes.
  '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }]
}

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'bench/results/', '.tmp/']),

  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  eslint.configs.recommended,

  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Type information from tsconfig.json: every linted .ts file must be in its `include`.
        projectService: true,
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: ourTypeScriptRules
  },

  {
    // The action itself: stricter, and no console (output goes through @actions/core so it can be masked,
    // grouped and annotated).
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    rules: {
      'no-console': 'error',
      // @kubernetes/client-node declares its API objects (V1Secret, V1ObjectMeta, ...) as classes, but they
      // are plain data: the client serializes object literals and returns plain objects. Building them as
      // literals is the library's documented use, so this rule would flag every manifest.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // strictTypeChecked sets these two again; keep our options.
      ...ourTypeScriptRules
    }
  },

  {
    // Tests, the control plane, scripts and benchmarks read JSON from servers and child processes all day;
    // insisting on a type for every parsed value there costs more than it catches.
    files: [
      '__tests__/**/*.ts',
      'test-support/**/*.ts',
      'control-plane/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'dev/**/*.ts'
    ],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(mock.fn).toHaveBeenCalled() passes methods around unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Fakes implement async interfaces without awaiting anything.
      '@typescript-eslint/require-await': 'off'
    }
  },

  {
    // Plain JavaScript config files (this one, jest.config.js): no type information, Node globals.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals }
  }
)
