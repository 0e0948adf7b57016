// Lint is part of `npm test`. Pure rules in `domain/` folders may not import frameworks (docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'web/dist/**',
      'web/node_modules/**',
      'web/src/api/schema.d.ts',
      '.tools/**',
      '.services/**',
      'coverage/**',
      'test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through AppConfig (src/config).' },
      ],
    },
  },
  {
    files: ['src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'bullmq',
                'ioredis',
                'class-validator',
                'class-transformer',
                'mysql2',
                'fs',
                'node:*',
              ],
              message: 'domain/ code is pure: no frameworks, no I/O.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'domain/ code has no clock: take dates as arguments (YYYY-MM-DD strings).' },
      ],
    },
  },
  {
    // config/ is read by every feature: it imports none (features check their own settings through
    // ConfigSectionCheck, passed in by the entry points: src/config-sections.ts).
    files: ['src/config/**/*.ts'],
    ignores: ['src/config/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!common/)',
              message: 'config/ imports no feature: a feature checks its own settings (ConfigSectionCheck).',
            },
          ],
        },
      ],
    },
  },
  {
    // Config loading, CLIs, scripts and tests may read the environment.
    files: [
      'src/config/**/*.ts',
      'scripts/**/*.ts',
      'scripts/**/*.js',
      'scripts/**/*.cjs',
      'scripts/**/*.mjs',
      'web/scripts/**/*.mjs',
      'test/**/*.ts',
      'jest.config.js',
      '**/*.spec.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
