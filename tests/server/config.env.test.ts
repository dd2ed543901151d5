import path from "node:path";

import { ConfigError, loadConfig } from "../../src/server/config";

describe("configuration from environment variables", () => {
  test("defaults are safe for local use", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
      publicUrl: null,
      dataDir: path.resolve(".data"),
      databaseUrl: `sqlite:${path.resolve(".data", "node.sqlite")}`,
      appSecrets: [],
      organizationUrl: null,
      syncPat: null,
      corsOrigins: [],
      masterKey: null,
      logLevel: "info",
      invitationTtlMs: 7 * 24 * 3_600_000,
      syncPollMs: 5_000,
      syncLeaseMs: 120_000,
    });
  });

  test("every variable is read", () => {
    const config = loadConfig({
      PORT: "3011",
      HOST: "0.0.0.0",
      PUBLIC_URL: "https://node.contoso.example/",
      DATABASE_URL: "postgres://sync@db/sync",
      DATA_DIR: "/var/lib/sync",
      EXALATE_APP_SECRET: "current",
      EXALATE_APP_SECRET_PREVIOUS: "previous",
      AZDO_ORG_URL: "http://127.0.0.1:3010/contoso/",
      AZDO_PAT: "pat",
      CORS_ORIGINS: "https://idalko-tools.gallerycdn.vsassets.io, null ,http://localhost:3001",
      MASTER_KEY: "a2V5",
      LOG_LEVEL: "debug",
      INVITATION_TTL_HOURS: "48",
      SYNC_POLL_SECONDS: "30",
      SYNC_LEASE_SECONDS: "600",
    });
    expect(config).toMatchObject({
      port: 3011,
      host: "0.0.0.0",
      publicUrl: "https://node.contoso.example",
      databaseUrl: "postgres://sync@db/sync",
      dataDir: "/var/lib/sync",
      appSecrets: ["current", "previous"],
      organizationUrl: "http://127.0.0.1:3010/contoso",
      syncPat: "pat",
      corsOrigins: ["https://idalko-tools.gallerycdn.vsassets.io", "null", "http://localhost:3001"],
      masterKey: "a2V5",
      logLevel: "debug",
      invitationTtlMs: 48 * 3_600_000,
      syncPollMs: 30_000,
      syncLeaseMs: 600_000,
    });
  });

  test.each([
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "abc" }, "PORT"],
    [{ PUBLIC_URL: "node.example" }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "https://node.example/?x=1" }, "PUBLIC_URL"],
    [{ AZDO_ORG_URL: "ftp://x" }, "AZDO_ORG_URL"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ INVITATION_TTL_HOURS: "-1" }, "INVITATION_TTL_HOURS"],
    [{ SYNC_POLL_SECONDS: "0" }, "SYNC_POLL_SECONDS"],
    [{ SYNC_POLL_SECONDS: "2.5" }, "SYNC_POLL_SECONDS"],
    [{ SYNC_LEASE_SECONDS: "1" }, "SYNC_LEASE_SECONDS"],
  ])("%j is refused naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
