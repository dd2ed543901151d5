import {
  type Emulator,
  type EmulatorOptions,
  startEmulator,
} from "../../src/devhost/emulator/emulator";
import { AdoHttp, type AdoHttpOptions } from "../../src/server/ado/ado-http";
import { TestClock } from "./test-clock";

/** An emulator, a PAT of its "Sync Service" user, and an `AdoHttp` on a fake clock. */
export interface AdoFixture {
  emulator: Emulator;
  pat: string;
  clock: TestClock;
  http: AdoHttp;
  /** Another client acting as a person (Ada Admin), for concurrent edits. */
  userHttp: AdoHttp;
}

/** Starts the fixture; call `emulator.close()` after the test file. */
export async function startAdoFixture(
  options: Partial<EmulatorOptions> = {},
  client: Partial<AdoHttpOptions> = {},
): Promise<AdoFixture> {
  const emulator = await startEmulator({ organization: "contoso", ...options });
  const pat = await emulator.createPat({ userId: emulator.users.sync });
  const clock = TestClock.fixed();
  const http = new AdoHttp({
    organizationUrl: emulator.url,
    credential: { kind: "pat", token: pat },
    clock,
    random: () => 0.5,
    ...client,
  });
  const userPat = await emulator.createPat({ userId: emulator.users.ada });
  const userHttp = new AdoHttp({
    organizationUrl: emulator.url,
    credential: { kind: "pat", token: userPat },
    clock: TestClock.fixed(),
  });
  return { emulator, pat, clock, http, userHttp };
}
