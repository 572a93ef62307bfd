// Scenario 5 (issue #5): in an untrusted folder (Restricted Mode, launcher flag --untrusted),
// running a cell does not execute it, and the user is told why.
//
// VS Code 1.100 asks for workspace trust itself before it hands any cell to a kernel (modal:
// "Executing a notebook cell will run code from this workspace."); declining means our controller
// is never called. Should a future VS Code pass the cell through, the controller must answer with
// its "Restricted Mode" error output instead. Either way: no output of the cell's own code.
import * as assert from "node:assert/strict";
import { inRestrictedMode, openFile, Session, waitUntil } from "../browser";
import { allOutputText, cellState, describeFor, runAll, stableScreenshot, suiteSession } from "./helpers";

/** What run-me.actnb's cell would print if it ran. */
const RAN = ["cell-ran-42", "tensor([0., 0., 2.])"];
const VSCODE_REASON = "Executing a notebook cell will run code from this workspace";

describeFor(["untrusted"], "scenario 5: Restricted Mode", function () {
  let session: Session;
  // startSession declines the startup trust dialog ("No, I don't trust the authors")
  suiteSession("restricted", (s) => (session = s), () => "scenario-5");

  it("running a cell does not execute it, and says why", async function () {
    const page = session.page;
    assert.ok(await inRestrictedMode(page), "the status bar shows Restricted Mode");
    await openFile(page, "run-me.actnb", { expect: "notebook" });
    await runAll(page);

    const trustDialog = page.locator(".monaco-dialog-box").filter({ hasText: VSCODE_REASON });
    const outcome = await waitUntil(
      async () => {
        if (await trustDialog.first().isVisible().catch(() => false)) return "vscode-asks-for-trust";
        if ((await allOutputText(page)).includes("Restricted Mode")) return "our-output";
        return undefined;
      },
      { timeoutMs: 20_000, message: `VS Code's trust request ("${VSCODE_REASON}") or an output saying "Restricted Mode"` },
    );
    await stableScreenshot(page, "scenario-5-restricted-why");

    if (outcome === "vscode-asks-for-trust") {
      const text = await trustDialog.first().innerText();
      assert.match(text, /trust/i, "the dialog asks for trust");
      // the user keeps the folder untrusted
      await trustDialog.first().getByRole("button", { name: "Cancel" }).click();
      await trustDialog.first().waitFor({ state: "hidden", timeout: 10_000 });
    }
    // give a wrongly started execution time to show itself
    await page.waitForTimeout(3000);
    const shown = await allOutputText(page);
    for (const r of RAN) assert.ok(!shown.includes(r), `the cell ran in Restricted Mode: its output shows ${JSON.stringify(r)}`);
    if (outcome === "our-output") assert.match(shown, /Restricted Mode/);
    const state = await cellState(page, 0);
    assert.notEqual(state.state, "success", "the cell is not marked as run successfully");
    assert.equal(state.count, "[ ]", `the cell got an execution count (${state.count})`);
    assert.ok(await inRestrictedMode(page), "still in Restricted Mode");
    await stableScreenshot(page, "scenario-5-restricted");
    console.log(`      (${outcome === "vscode-asks-for-trust" ? "VS Code asked for trust before running; declined" : "the controller answered with its Restricted Mode output"})`);
  });
});
