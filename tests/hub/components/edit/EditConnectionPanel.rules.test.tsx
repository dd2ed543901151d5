import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { EditorView } from "codemirror";

import { connection, errorAnswer, type FakeBackend } from "../../../helpers/fake-node";
import { installRangeGeometry } from "../../helpers/codemirror-jsdom";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";
import { sdkMock } from "../../helpers/sdk-mock";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeAll(installRangeGeometry);

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(
    connection({ id: "c-script", name: "to_script", mode: "script" }),
    connection({ id: "c-basic", name: "to_basic", mode: "basic" }),
  );
});

afterEach(restoreParent);

/** The accessible name of the unsaved-changes dialog. */
const UNSAVED = /unsaved changes/i;

/** Opens Edit connection by clicking the connection's name in the table. */
async function openEdit(name: string): Promise<void> {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("button", { name }));
  await screen.findByRole("tab", { name: "Rules" }, { timeout: 5000 });
}

/** The CodeMirror content element of one script editor, once the lazy editor is loaded. */
async function editor(label: "Outgoing script" | "Incoming script"): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = document.querySelector<HTMLElement>(`.cm-content[aria-label="${label}"]`);
      if (!found) throw new Error(`no editor ${label}`);
      return found;
    },
    { timeout: 5000 },
  );
}

/** Replaces an editor's text through CodeMirror itself (as typing would). */
async function typeInto(label: "Outgoing script" | "Incoming script", text: string) {
  const view = EditorView.findFromDOM(await editor(label))!;
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}

test("the name opens Edit connection with Rules first and both scripts in editors", async () => {
  await openEdit("to_script");
  const tabs = screen.getAllByRole("tab").map((tab) => tab.textContent);
  expect(tabs[0]).toBe("Rules");
  expect((await editor("Outgoing script")).textContent).toContain("replica.title");
  expect((await editor("Incoming script")).textContent).toContain("workItem.title");
  expect(document.querySelector(".cm-lineNumbers")).not.toBeNull();
});

test("Save PUTs the edited scripts and a toast confirms", async () => {
  await openEdit("to_script");
  await typeInto("Incoming script", 'workItem.title = "[C] " + replica.title;');
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(sdkMock.control.toasts).toContain("Scripts saved."));
  const put = backend.requests.find((r) => r.method === "PUT");
  expect(put?.url).toBe("http://node.test/api/v1/connections/c-script/scripts");
  expect(put?.body).toEqual({
    outgoing: "replica.title = workItem.title;",
    incoming: 'workItem.title = "[C] " + replica.title;',
  });
});

test("a syntax error is shown inline with script, line and column, and nothing is stored", async () => {
  await openEdit("to_script");
  await typeInto("Incoming script", "const a = 1;\nworkItem.title = @@;");
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  const alert = await screen.findByText(/Incoming script, line 2, column 18/);
  expect(alert.textContent).toContain("SYNC_ERR_SCRIPT_SYNTAX");
  // Beside the editor it concerns (the editor scrolls to the error; the message stays near it).
  expect(alert.closest("section")?.querySelector("h3")?.textContent).toBe("Incoming script");
  expect(backend.scripts.has("c-script")).toBe(false);
});

test("closing with unsaved changes asks in a modal dialog; Keep editing stays, Discard closes", async () => {
  await openEdit("to_script");
  await typeInto("Outgoing script", "replica.title = 'changed';");
  fireEvent.click(screen.getAllByRole("button", { name: "Close" })[0]);
  const dialog = await screen.findByRole("dialog", { name: UNSAVED });
  expect(dialog.textContent).toContain("unsaved changes");
  // Focus is inside the dialog, on the safe choice.
  await waitFor(() => expect(document.activeElement?.textContent).toBe("Keep editing"));
  expect(dialog.contains(document.activeElement)).toBe(true);
  fireEvent.click(within(dialog).getByRole("button", { name: "Keep editing" }));
  expect(screen.queryByRole("dialog", { name: UNSAVED })).toBeNull();
  expect(screen.getByRole("tab", { name: "Rules" })).toBeTruthy();
  fireEvent.click(screen.getAllByRole("button", { name: "Close" })[0]);
  const again = await screen.findByRole("dialog", { name: UNSAVED });
  fireEvent.click(within(again).getByRole("button", { name: "Discard changes" }));
  await waitFor(() => expect(screen.queryByRole("tab", { name: "Rules" })).toBeNull());
});

test("switching tabs with unsaved changes asks; Escape keeps editing, Discard switches", async () => {
  await openEdit("to_script");
  await typeInto("Incoming script", "workItem.title = 'draft';");
  fireEvent.click(screen.getByRole("tab", { name: "Triggers" }));
  const dialog = await screen.findByRole("dialog", { name: UNSAVED });
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  fireEvent.keyDown(document.activeElement!, { key: "Escape", keyCode: 27, which: 27 });
  await waitFor(() => expect(screen.queryByRole("dialog", { name: UNSAVED })).toBeNull());
  // Escape answered the dialog only: the panel and the draft are still there.
  expect(screen.getByRole("tab", { name: "Rules" }).getAttribute("aria-selected")).toBe("true");
  expect((await editor("Incoming script")).textContent).toBe("workItem.title = 'draft';");
  fireEvent.click(screen.getByRole("tab", { name: "Triggers" }));
  const again = await screen.findByRole("dialog", { name: UNSAVED });
  fireEvent.click(within(again).getByRole("button", { name: "Discard changes" }));
  await waitFor(() =>
    expect(screen.getByRole("tab", { name: "Triggers" }).getAttribute("aria-selected")).toBe(
      "true",
    ),
  );
});

test("Basic mode shows the scripts read-only with an explanation and no Save", async () => {
  await openEdit("to_basic");
  const content = await editor("Incoming script");
  expect(content.getAttribute("contenteditable")).toBe("false");
  expect(screen.getByText(/uses Basic mode/)).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
});

test("a failed load shows the code with Retry, and Retry loads the scripts", async () => {
  backend.failures.set(
    "GET /api/v1/connections/c-script/scripts",
    errorAnswer("SYNC_ERR_INTERNAL"),
  );
  await openEdit("to_script");
  const card = await screen.findByRole("alert");
  expect(within(card).getByText(/SYNC_ERR_INTERNAL/)).toBeTruthy();
  backend.failures.clear();
  fireEvent.click(screen.getByRole("button", { name: "Retry" }));
  expect((await editor("Outgoing script")).textContent).toContain("replica.title");
});

test("the row menu's Edit opens the same panel", async () => {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getAllByRole("button", { name: "More options" })[0]);
  const menu = await screen.findByRole("menu");
  const edit = within(menu)
    .getAllByRole("menuitem")
    .find((item) => item.textContent?.trim() === "Edit")!;
  fireEvent.click(edit);
  expect(await screen.findByRole("tab", { name: "Rules" }, { timeout: 5000 })).toBeTruthy();
});

test("Revert to saved puts the stored scripts back; Ctrl+S saves from the editor", async () => {
  await openEdit("to_script");
  const toolbar = () => document.querySelector(".rules-toolbar")!;
  expect(toolbar().textContent).toContain("All changes saved");
  await typeInto("Incoming script", "workItem.title = 'draft';");
  expect(toolbar().textContent).toContain("Unsaved changes");
  fireEvent.click(screen.getByRole("button", { name: "Revert to saved" }));
  await waitFor(async () =>
    expect((await editor("Incoming script")).textContent).toBe("workItem.title = replica.title;"),
  );
  expect(toolbar().textContent).toContain("All changes saved");
  expect(backend.requests.filter((r) => r.method === "PUT")).toEqual([]);

  await typeInto("Outgoing script", "replica.title = 'by keyboard';");
  fireEvent.keyDown(await editor("Outgoing script"), { key: "s", ctrlKey: true });
  await waitFor(() => expect(sdkMock.control.toasts).toContain("Scripts saved."));
  const put = backend.requests.find((r) => r.method === "PUT");
  expect(put?.body).toMatchObject({ outgoing: "replica.title = 'by keyboard';" });
});

test("Escape with the focus on the panel's Close button closes, or asks first with unsaved changes", async () => {
  await openEdit("to_script");
  await editor("Outgoing script");
  await typeInto("Outgoing script", "replica.title = 'changed';");
  const close = screen.getAllByRole("button", { name: "Close" }).at(-1)!;
  close.focus();
  fireEvent.keyDown(close, { key: "Escape", keyCode: 27, which: 27 });
  const dialog = await screen.findByRole("dialog", { name: UNSAVED });
  fireEvent.click(within(dialog).getByRole("button", { name: "Discard changes" }));
  await waitFor(() => expect(screen.queryByRole("tab", { name: "Rules" })).toBeNull());
});
