// ESLint flat config: typescript-eslint recommended rules, sorted imports, React hooks rules
// for the hub, and import boundaries between the parts and between the sync node's slices
// (docs/architecture.md#parts, #server-slices).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

const boundary = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});

const NOT_SERVER = ["**/hub/**", "**/client/**", "**/devhost/**"];

/**
 * The sync node's slices, lowest first: a slice may import the slices before it, never those
 * after it, so no two slices import each other. The top-level files (app.ts, main.ts,
 * migrations.ts, node-store.ts) wire the slices together; config.ts is a leaf any slice reads.
 */
const SERVER_LAYERS = [
  ["crypto", "observability", "storage", "http"],
  ["ado"],
  ["auth"],
  ["work-items"],
  ["sandbox"],
  ["node-settings"],
  ["queue"],
  ["transport"],
  ["connections"],
  ["triggers"],
  ["sync"],
];
const ROOT_WIRING = ["app", "main", "migrations", "node-store"];

function serverSlices() {
  const inFolder = (names) => names.flatMap((name) => [`../${name}`, `../../${name}`]);
  return SERVER_LAYERS.flatMap((layer, index) => {
    const higher = SERVER_LAYERS.slice(index + 1).flat();
    const forbidden = [
      ...NOT_SERVER,
      ...inFolder(higher).flatMap((prefix) => [`${prefix}/*`, `${prefix}/**`]),
      ...inFolder(ROOT_WIRING),
    ];
    return layer.map((slice) => ({
      files: [`src/server/${slice}/**/*.ts`],
      rules: boundary(
        forbidden,
        `src/server/${slice}/ may import src/shared and the slices below it only ` +
          "(docs/architecture.md#server-slices).",
      ),
    }));
  }).concat({
    files: ["src/server/*.ts"],
    rules: boundary(NOT_SERVER, "The sync node imports only src/shared and its own modules."),
  });
}

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
  ...serverSlices(),
  {
    files: ["**/*.js", "**/*.cjs", "tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
