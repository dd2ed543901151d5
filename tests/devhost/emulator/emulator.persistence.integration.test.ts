/** A file-backed emulator keeps its data and ids across restarts (a second `npm start`). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { startEmulator } from "../../../src/devhost/emulator/emulator";
import { call, createItem } from "./emulator-helpers";

const dir = mkdtempSync(path.join(tmpdir(), "emulator-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("keeps work items, credentials and seeded ids after a restart, without seeding twice", async () => {
  const dataFile = path.join(dir, "fabrikam", "emulator.sqlite");
  const first = await startEmulator({ organization: "fabrikam", dataFile });
  const pat = await first.createPat({ userId: first.users.sync, scopes: ["vso.work_write"] });
  const token = await first.issueAccessToken();
  const item = await createItem(first, token, { "System.Title": "Survives" });
  await first.close();

  const second = await startEmulator({ organization: "fabrikam", dataFile });
  try {
    expect(second.users).toEqual(first.users);
    const read = await call(second, "GET", `/_apis/wit/workitems/${item.id}`, { pat });
    expect(read.body.fields["System.Title"]).toBe("Survives");
    const projects = await call(second, "GET", "/_apis/projects", { token });
    expect(projects.body.count).toBe(2);
    const next = await createItem(second, token, { "System.Title": "Next" });
    expect(next.id).toBe(item.id + 1);
  } finally {
    await second.close();
  }
});
