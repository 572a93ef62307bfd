// UI specs for the harness itself: the helpers in test/vscode/browser/ drive VS Code's own features
// (no dependence on our extension), so a failure here is the harness's, not the extension's.
import * as assert from "node:assert/strict";
import {
  activeTabLabel,
  notebookOutputFrames,
  openFile,
  runCommand,
  Session,
  waitForFrameWith,
  waitUntil,
  webviewFrames,
} from "../browser";
import { describeFor, suiteSession } from "./helpers";

// in the default configuration only (the matrix's other runs are about trust, the .vsix and themes)
describeFor(["default"], "harness: driving the workbench like a user", function () {
  let session: Session;
  // a picture of every step, passed or failed
  suiteSession("ui-harness", (s) => (session = s));

  it("opens a file with Ctrl+P", async function () {
    await openFile(session.page, "notes.md", { expect: "text" });
    assert.match((await activeTabLabel(session.page)) ?? "", /^notes\.md/);
  });

  it("runs a command typed into the palette, and finds its webview by extension id", async function () {
    await runCommand(session.page, "Markdown: Open Preview to the Side");
    const { locator } = await waitForFrameWith(session.page, (p) => webviewFrames(p, "vscode.markdown-language-features"), "h1");
    assert.equal((await locator.first().innerText()).trim(), "Harness notes");
  });

  it("runs the exact command typed, not the palette's first fuzzy match", async function () {
    // typing "View: Close Editor" focuses "View: Close All Editor Groups" first (pitfall 4)
    const tabs = session.page.locator(".part.editor .tabs-container .tab");
    const before = await tabs.count();
    assert.ok(before >= 2, `two editors open (notes.md and its preview), saw ${before}`);
    await runCommand(session.page, "View: Close Editor");
    await waitUntil(async () => (await tabs.count()) === before - 1, { message: `${before - 1} tabs` });
  });

  it("opens a notebook and finds its output frame", async function () {
    await runCommand(session.page, "View: Close All Editors");
    await openFile(session.page, "relu-tslab.ipynb", { expect: "notebook" });
    // the saved stream output of the first code cell: [ 0, 0, 0, 1, 2 ]
    const { locator } = await waitForFrameWith(session.page, notebookOutputFrames, "text=[ 0, 0, 0, 1, 2 ]");
    assert.ok(await locator.first().isVisible());
  });
});
