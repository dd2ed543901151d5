// Jest projects: test tiers chosen by file-name suffix, so that `tests/` can mirror `src/`.
//
//   *.test.ts(x)              unit: pure logic, and the hub's components in jsdom. No database,
//                             sockets, servers, child processes, browser or webpack build.
//   *.integration.test.ts     integration: real SQLite and PostgreSQL, child-process nodes, the
//                             Azure DevOps emulator, loopback servers.
//   *.browser.test.ts         browser: Chromium end-to-end runs and the production build check.
//
// `npm run test:unit`, `test:integration` and `test:browser` select the tiers; `npm test` runs
// them all. @swc/jest transpiles TypeScript; `npm run typecheck` does the type-checking.
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
  // @fastify/static (dev host) requires this ESM-only package.
  "content-disposition",
  // fastify's light-my-request (app.inject) requires cookie 2, which is ESM-only.
  "cookie",
];
const common = {
  transform: { "^.+\\.(t|j)sx?$": swc, "^.+\\.mjs$": swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join("|")})/)`],
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
};
/** Files of the other tiers, left out of the unit projects. */
const notUnit = "\\.(integration|browser)\\.test\\.tsx?$";

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: "unit-hub",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/tests/hub/**/*.test.{ts,tsx}"],
      testPathIgnorePatterns: ["/node_modules/", notUnit],
      moduleNameMapper: {
        "\\.(css|scss)$": "<rootDir>/tests/helpers/style-stub.js",
        "^azure-devops-extension-sdk$":
          "<rootDir>/node_modules/azure-devops-extension-sdk/esm/SDK.min.js",
      },
    },
    {
      ...common,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/!(hub)/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", notUnit],
    },
    {
      ...common,
      displayName: "integration",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/**/*.integration.test.ts"],
    },
    {
      ...common,
      displayName: "browser",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/**/*.browser.test.ts"],
    },
  ],
};
