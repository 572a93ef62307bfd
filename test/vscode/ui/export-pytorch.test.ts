// "Export to PyTorch notebook" as a user meets it: the command from the palette, VS Code's save
// dialog offering <name>.pytorch.ipynb beside the notebook, the "Exported to …" notification whose
// Open shows the Python notebook in VS Code's notebook editor; and for a cell that does not
// translate, the error naming the cell and the construct, whose Show puts the cursor on it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { activeEditorIsNotebook, activeTabLabel, notifications, openFile, REPO_ROOT, runCommand, Session, waitUntil } from "../browser";
import { closeAllEditors, codeCell, describeFor, suiteSession } from "./helpers";

const COMMAND = "Activation Notebooks: Export to PyTorch notebook";
const QUICK_INPUT = ".quick-input-widget";

/** Waits for the notification that includes `text` and clicks its button `label`. */
async function clickNotificationButton(page: Page, text: string, label: string): Promise<string> {
  let shown: string[] = [];
  await waitUntil(async () => (shown = await notifications(page)).some((n) => n.includes(text)), {
    timeoutMs: 60_000,
    message: () => `a notification with "${text}" (shown: ${JSON.stringify(shown)})`,
  });
  const toast = page.locator(".notifications-toasts .notification-toast").filter({ hasText: text }).first();
  await toast.getByRole("button", { name: label }).click();
  return shown.find((n) => n.includes(text))!;
}

interface Box { top: number; left: number; width: number }
interface CursorAndSelection { focused: boolean; line?: Box; cursor?: Box; selected: Box[] }
const near = (a: number | undefined, b: number | undefined, by = 2) => a !== undefined && b !== undefined && Math.abs(a - b) <= by;

/** Where the cell's editor draws its cursor and selection, and the line whose text is `text`. */
function cursorAndSelection(page: Page, cellIndex: number, text: string): Promise<CursorAndSelection> {
  return codeCell(page, cellIndex).evaluate((row, text) => {
    const box = (e: Element | null | undefined) => {
      if (!e) return undefined;
      const b = e.getBoundingClientRect();
      return { top: b.top, left: b.left, width: b.width };
    };
    // the line's text, not the full-width line: its span
    const line = Array.from(row.querySelectorAll(".view-line")).find((l) => (l.textContent ?? "").replace(/\u00a0/g, " ") === text);
    return {
      focused: !!row.querySelector(".monaco-editor.focused"),
      line: box(line?.firstElementChild),
      cursor: box(row.querySelector(".cursors-layer .cursor")),
      selected: Array.from(row.querySelectorAll(".selected-text")).map((e) => box(e)!),
    };
  }, text);
}

/** Runs the command from the palette and, in VS Code's save dialog (in the browser its own file
 * picker, in the quick input), checks the name it offers and accepts it. */
async function exportAcceptingDefault(page: Page, offeredName: string): Promise<void> {
  await runCommand(page, COMMAND);
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: "visible", timeout: 60_000 });
  let offered = "";
  await waitUntil(async () => (offered = await input.inputValue()).endsWith(`/${offeredName}`), {
    timeoutMs: 10_000,
    message: () => `the save dialog offers ${offeredName} (it shows "${offered}")`,
  });
  await page.keyboard.press("Enter");
}

/** The helper module the build ships (kernel/export/pytorch/runtime.ts, compiled into out/). */
function shippedHelper(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runtimeSource } = require(path.join(REPO_ROOT, "out", "kernel", "export", "pytorch", "runtime")) as { runtimeSource: () => string };
  return runtimeSource();
}

describeFor(["default"], "Export to PyTorch notebook", function () {
  let session: Session;
  suiteSession("export-pytorch", (s) => (session = s));
  afterEach(async () => closeAllEditors(session.page));

  it("asks where to save, offering <name>.pytorch.ipynb beside the notebook, and Open shows the Python notebook", async function () {
    const page = session.page;
    fs.copyFileSync(path.join(REPO_ROOT, "notebooks", "03-relu-in-practice.actnb"), path.join(session.workspace, "to-python.actnb"));
    const out = path.join(session.workspace, "to-python.pytorch.ipynb");
    await openFile(page, "to-python.actnb", { expect: "notebook" });
    await exportAcceptingDefault(page, "to-python.pytorch.ipynb");

    const said = await clickNotificationButton(page, "Exported to to-python.pytorch.ipynb", "Open");
    assert.match(said, /and actnb_pytorch\.py beside it/);
    assert.ok(fs.existsSync(out), `${out} was not written`);
    assert.ok(fs.existsSync(path.join(session.workspace, "actnb_pytorch.py")), "actnb_pytorch.py was not written");
    let tab: string | undefined;
    await waitUntil(async () => (tab = await activeTabLabel(page))?.split(",")[0] === "to-python.pytorch.ipynb" && (await activeEditorIsNotebook(page)), {
      timeoutMs: 20_000,
      message: () => `Open shows to-python.pytorch.ipynb as a notebook (active tab: ${tab})`,
    });
  });

  it("names the cell and the construct it cannot translate, and Show puts the cursor on it", async function () {
    const page = session.page;
    const cells = [
      'import { torch } from "actnb";\nconst x = torch.ones(2);',
      'let y = 0;\nconst name = "a";\nswitch (name) {\n  case "a": y = 1; break;\n  default: y = 2;\n}',
    ];
    const nb = { actnb: 1, metadata: {}, cells: cells.map((source) => ({ kind: "code", language: "typescript", metadata: {}, source, outputs: [] })) };
    fs.writeFileSync(path.join(session.workspace, "with-switch.actnb"), JSON.stringify(nb, null, 2) + "\n");
    await openFile(page, "with-switch.actnb", { expect: "notebook" });
    await runCommand(page, COMMAND);

    const said = await clickNotificationButton(page, "has no PyTorch translation", "Show");
    assert.match(said, /cell 2, line 3, column 1: a switch statement/);
    assert.match(said, /Nothing was written/);
    assert.equal(await page.locator(QUICK_INPUT).isVisible(), false, "no save dialog for a notebook that does not translate");
    assert.equal(fs.existsSync(path.join(session.workspace, "with-switch.pytorch.ipynb")), false);

    // the cursor in cell 2 at line 3, column 1, its line ("switch (name) {") selected; a notebook's
    // status bar says only "Cell 2 of 2", so this is read from the cell's editor as drawn
    let drawn: CursorAndSelection | undefined;
    await waitUntil(async () => {
      drawn = await cursorAndSelection(page, 1, "switch (name) {");
      return drawn.focused && near(drawn.cursor?.top, drawn.line?.top) && near(drawn.cursor?.left, drawn.line?.left) &&
        drawn.selected.length === 1 && near(drawn.selected[0].top, drawn.line?.top) && near(drawn.selected[0].width, drawn.line?.width, 4);
    }, { timeoutMs: 10_000, message: () => `the cursor at the start of "switch (name) {" in cell 2, that line selected (drawn: ${JSON.stringify(drawn)})` });
    assert.match((await codeCell(page, 1).getAttribute("class")) ?? "", /\bfocused\b/, "cell 2 is the focused cell");
  });

  it("asks before replacing a different actnb_pytorch.py: Cancel writes nothing, Replace writes both", async function () {
    const page = session.page;
    const helper = path.join(session.workspace, "actnb_pytorch.py");
    fs.writeFileSync(helper, "# my own helper\n");
    fs.copyFileSync(path.join(REPO_ROOT, "notebooks", "03-relu-in-practice.actnb"), path.join(session.workspace, "clash.actnb"));
    const out = path.join(session.workspace, "clash.pytorch.ipynb");
    await openFile(page, "clash.actnb", { expect: "notebook" });
    for (const answer of ["Cancel", "Replace"]) {
      await exportAcceptingDefault(page, "clash.pytorch.ipynb");
      const dialog = page.locator(".monaco-dialog-box").filter({ hasText: "actnb_pytorch.py exists beside the export" }).first();
      await dialog.waitFor({ state: "visible", timeout: 60_000 });
      await dialog.getByRole("button", { name: answer }).click();
      await dialog.waitFor({ state: "hidden", timeout: 10_000 });
      if (answer === "Cancel") {
        await page.waitForTimeout(1000);
        assert.equal(fs.existsSync(out), false, "Cancel wrote the notebook");
        assert.equal(fs.readFileSync(helper, "utf8"), "# my own helper\n", "Cancel replaced the helper");
      }
    }
    await clickNotificationButton(page, "Exported to clash.pytorch.ipynb", "Open");
    assert.ok(fs.existsSync(out), "Replace wrote the notebook");
    assert.equal(fs.readFileSync(helper, "utf8"), shippedHelper(), "Replace wrote the helper the export needs");
  });
});
