// ESLint (flat config): TypeScript with type information, React's hook rules (including the
// React Compiler's checks), accessibility of JSX, and the application's import boundaries.
// `npm run lint` runs it with --max-warnings 0. Formatting is Prettier's (`npm run format`).
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Import boundaries (docs/architecture.md, "The staff application"):
 * - a feature (src/features/<name>) imports src/lib and its own files, never another feature or src/app;
 * - src/lib imports only src/lib (and the locales);
 * - src/app (the shell) puts the features together; tests may use the test helpers.
 * (src/main.tsx, the entry, is no element: it only mounts src/app.)
 * Exported for src/test/architecture.test.ts, which checks that the rule catches a violation.
 */
export const boundariesConfig = {
  files: ["src/**/*.{ts,tsx}"],
  plugins: { boundaries },
  settings: {
    "boundaries/include": ["src/**/*"],
    "boundaries/ignore": ["src/lib/api/generated/**"],
    "boundaries/elements": [
      { type: "app", pattern: "src/app" },
      { type: "feature", pattern: "src/features/*", capture: ["feature"] },
      { type: "lib", pattern: "src/lib" },
      { type: "locales", pattern: "src/locales" },
      { type: "test", pattern: "src/test" },
    ],
    "boundaries/files": [
      { category: "test", pattern: "**/*.test.{ts,tsx}" },
      // A feature's one declared bridge to the reporting feature's published-cell components (cells, map, downloads).
      { category: "reporting-bridge", pattern: "src/features/*/lib/reporting.ts" },
    ],
    "boundaries/dependency-nodes": ["import", "export", "dynamic-import"],
    "import/resolver": {
      typescript: { project: "tsconfig.json" },
      node: true,
    },
  },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "disallow",
        // Files of one feature import each other freely: only imports between elements are checked.
        policies: [
          { from: { element: { type: "app" } }, allow: { to: { element: { types: { anyOf: ["lib", "feature"] } } } } },
          { from: { element: { type: "feature" } }, allow: { to: { element: { type: "lib" } } } },
          {
            from: { file: { categories: "reporting-bridge" } },
            allow: { to: { element: { type: "feature", captured: { feature: "reporting" } } } },
          },
          { from: { element: { type: "lib" } }, allow: { to: { element: { type: "locales" } } } },
          { from: { element: { type: "test" } }, allow: { to: { element: { types: { anyOf: ["app", "lib", "locales"] } } } } },
          // Tests (next to the code they test, or in src/test) use the test helpers and fixtures.
          { from: { file: { categories: "test" } }, allow: { to: { element: { types: { anyOf: ["test", "lib", "app", "locales"] } } } } },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ["dist/", "node_modules/", "test-results/", "src/lib/api/generated/", "geo/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      // `const { type, ...rest } = values` leaves a field out on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: {
      globals: globals.browser,
    },
    ...reactHooks.configs.flat["recommended-latest"],
  },
  {
    files: ["src/**/*.tsx"],
    ...jsxA11y.flatConfigs.recommended,
    settings: {
      "jsx-a11y": {
        // Mantine's `component` prop renders the element it names (<Paper component="section">).
        polymorphicPropName: "component",
      },
    },
  },
  boundariesConfig,
  {
    // Build scripts and this file: Node, plain JavaScript (no type information).
    files: ["**/*.{js,mjs}"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
);
