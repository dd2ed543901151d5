// ESLint flat config: typescript-eslint recommended rules, sorted imports, React hooks rules
// for the hub, and import boundaries between the parts (design.md, "Parts").
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

const boundary = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".data/", "coverage/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/hub/**/*.{ts,tsx}", "tests/hub/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["src/shared/**/*.ts"],
    rules: boundary(
      ["**/hub/**", "**/server/**", "**/client/**", "**/devhost/**", "node:*"],
      "src/shared has no DOM, no Node APIs and imports no other part.",
    ),
  },
  {
    files: ["src/hub/**/*.{ts,tsx}", "src/client/**/*.ts"],
    rules: boundary(
      ["**/server/**", "**/devhost/**", "node:*"],
      "The hub and client run in the browser: import only src/shared, src/client and src/hub.",
    ),
  },
  {
    files: ["src/server/**/*.ts"],
    rules: boundary(
      ["**/hub/**", "**/client/**", "**/devhost/**"],
      "The sync node imports only src/shared and its own modules.",
    ),
  },
  {
    files: ["**/*.js", "**/*.cjs", "tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
