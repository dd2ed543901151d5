// Jest projects (style-anchors, "Jest"): the hub in jsdom; everything else in node.
// @swc/jest transpiles TypeScript; `npm run typecheck` does the type-checking.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "classic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];
const esmPackages = [
  "azure-devops-ui",
  "azure-devops-extension-sdk",
  "azure-devops-extension-api",
  "jose",
  "typebox",
  "marked",
  // fastify's light-my-request (app.inject) requires cookie 2, which is ESM-only.
  "cookie",
];
const common = {
  transform: { "^.+\\.(t|j)sx?$": swc, "^.+\\.mjs$": swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join("|")})/)`],
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: "hub",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/tests/hub/**/*.test.{ts,tsx}"],
      moduleNameMapper: {
        "\\.(css|scss)$": "<rootDir>/tests/helpers/style-stub.js",
        "^azure-devops-extension-sdk$":
          "<rootDir>/node_modules/azure-devops-extension-sdk/esm/SDK.min.js",
      },
    },
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/!(hub)/**/*.test.ts"],
    },
  ],
};
