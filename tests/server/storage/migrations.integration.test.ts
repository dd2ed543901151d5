import { randomUUID } from "node:crypto";

import {
  deleteConnection,
  findConnection,
  findConnectionByName,
  insertConnection,
  listConnections,
  type NewConnectionRow,
} from "../../../src/server/connections/connection-repository";
import {
  findActiveInvitation,
  insertInvitation,
  markInvitationUsed,
} from "../../../src/server/connections/invitation-repository";
import { findScripts, saveScripts } from "../../../src/server/connections/script-repository";
import { SecretBox } from "../../../src/server/crypto/secret-box";
import { MIGRATIONS } from "../../../src/server/migrations";
import {
  ensureSetting,
  NODE_SETTING_KEYS,
  readSetting,
} from "../../../src/server/node-settings/node-settings-repository";
import { isUniqueViolation } from "../../../src/server/storage/store-errors";
import { testConnectionRow } from "../../helpers/connection-row";
import { forEachDialect } from "../../helpers/with-store";

const box = new SecretBox(Buffer.alloc(32, 7));

/** A Pending connection row (the shared test row, with the state a new connection has). */
const connectionRow = (name: string): NewConnectionRow =>
  testConnectionRow(name, { status: "pending", accepted_at: null });

forEachDialect((dialect, getStore) => {
  test("migrations are recorded and running them again changes nothing", async () => {
    const store = getStore();
    await store.migrate();
    const tables = await store.db.introspection.getTables();
    const names = tables.map((table) => table.name);
    for (const table of ["connections", "invitations", "scripts", "node_settings"]) {
      expect(names).toContain(table);
    }
    expect(store.dialect).toBe(dialect);
    expect(store.capabilities.skipLocked).toBe(dialect === "postgres");
    expect(Object.keys(MIGRATIONS)[0]).toBe("0001-connections");
    expect(Object.keys(MIGRATIONS)).toEqual([...Object.keys(MIGRATIONS)].sort());
    expect(Object.keys(MIGRATIONS)).toContain("0005-sync-engine");
  });

  test("connections round-trip with epoch-ms numbers and unique names ignoring case", async () => {
    const db = getStore().db;
    const row = connectionRow(`Alpha ${randomUUID()}`);
    await insertConnection(db, row);
    const found = await findConnection(db, row.id);
    expect(found?.created_at).toBe(row.created_at);
    expect(typeof found?.created_at).toBe("number");
    expect((await findConnectionByName(db, row.name.toUpperCase()))?.id).toBe(row.id);
    const duplicate = await insertConnection(db, connectionRow(row.name.toUpperCase())).then(
      () => "inserted",
      (error: unknown) => error,
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect((await listConnections(db)).map((c) => c.id)).toContain(row.id);
  });

  test("deleting a connection removes its invitations and scripts", async () => {
    const db = getStore().db;
    const row = connectionRow(`Beta ${randomUUID()}`);
    await insertConnection(db, row);
    const invitationId = randomUUID();
    await insertInvitation(db, {
      id: invitationId,
      connection_id: row.id,
      secret_hash: randomUUID(),
      state: "active",
      expires_at: Date.now() + 1000,
      created_at: Date.now(),
      closed_at: null,
    });
    await saveScripts(db, row.id, { outgoing: "a", incoming: "b" }, Date.now());
    await saveScripts(db, row.id, { outgoing: "c", incoming: "d" }, Date.now());
    expect(await findScripts(db, row.id)).toEqual({ outgoing: "c", incoming: "d" });
    expect((await findActiveInvitation(db, row.id))?.id).toBe(invitationId);
    expect(await markInvitationUsed(db, invitationId, Date.now())).toBe(true);
    expect(await markInvitationUsed(db, invitationId, Date.now())).toBe(false);
    expect(await deleteConnection(db, row.id)).toBe(true);
    expect(await findScripts(db, row.id)).toBeUndefined();
    const left = await db
      .selectFrom("invitations")
      .selectAll()
      .where("id", "=", invitationId)
      .execute();
    expect(left).toEqual([]);
  });

  test("sealed settings are stored encrypted and created once", async () => {
    const db = getStore().db;
    const first = await ensureSetting(db, box, NODE_SETTING_KEYS.invitationSigningKey, {
      sealed: true,
      create: () => "secret-one",
      now: Date.now(),
    });
    const second = await ensureSetting(db, box, NODE_SETTING_KEYS.invitationSigningKey, {
      sealed: true,
      create: () => "secret-two",
      now: Date.now(),
    });
    expect(first).toBe("secret-one");
    expect(second).toBe("secret-one");
    const raw = await db.selectFrom("node_settings").selectAll().execute();
    expect(JSON.stringify(raw)).not.toContain("secret-one");
    expect(await readSetting(db, box, NODE_SETTING_KEYS.syncPat)).toBeUndefined();
  });
});
