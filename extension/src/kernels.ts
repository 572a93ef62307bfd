// One kernel per notebook, started on first use, shut down when the notebook closes; a kernel
// that died is replaced on the next run. Everything that happens is written to the log.
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import { CellOutput, KernelClient } from "../../kernel/executor/client";

export class KernelManager implements vscode.Disposable {
  private readonly kernels = new Map<string, KernelClient>();
  private readonly kernelsChanged = new vscode.EventEmitter<vscode.NotebookDocument>();
  /** A notebook's kernel started, stopped, restarted or died: its variables are new or gone. */
  readonly onDidChangeKernels = this.kernelsChanged.event;

  constructor(private readonly log: vscode.OutputChannel) {}

  private key(nb: vscode.NotebookDocument): string { return nb.uri.toString(); }

  /** The folder a notebook's kernel runs in: the notebook's own, else the workspace's. */
  private folderOf(nb: vscode.NotebookDocument): string {
    if (nb.uri.scheme === "file") return path.dirname(nb.uri.fsPath);
    return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir();
  }

  peek(nb: vscode.NotebookDocument): KernelClient | undefined {
    const k = this.kernels.get(this.key(nb));
    return k && k.alive ? k : undefined;
  }

  get(nb: vscode.NotebookDocument): KernelClient {
    const existing = this.peek(nb);
    if (existing) return existing;
    const memoryLimitMb = vscode.workspace.getConfiguration("actnb").get<number>("kernel.memoryLimitMb") || undefined;
    // tensors' outputs carry their heatmap view too (the actnb-tensor renderer draws it)
    const k = new KernelClient({ notebookDir: this.folderOf(nb), memoryLimitMb, tensorViews: true });
    const name = path.basename(nb.uri.path);
    this.kernels.set(this.key(nb), k);
    k.ready.then(
      (r) => this.log.appendLine(`[${name}] kernel started (pid ${r.pid}, ${r.startup_ms} ms)`),
      () => undefined,
    );
    k.on("died", (e: Error) => { this.log.appendLine(`[${name}] ${e.message}`); this.kernelsChanged.fire(nb); });
    this.kernelsChanged.fire(nb);
    k.on("output", (o) => this.log.appendLine(`[${name}] output after its cell ended: ${JSON.stringify(o).slice(0, 200)}`));
    return k;
  }

  /** Notes a late output that could not be shown under its cell. */
  logLate(nb: vscode.NotebookDocument, out: CellOutput, why: string): void {
    this.log.appendLine(`[${path.basename(nb.uri.path)}] output after its cell ended, not shown (${why}): ${JSON.stringify(out).slice(0, 200)}`);
  }

  async restart(nb: vscode.NotebookDocument): Promise<void> {
    await this.shutdown(nb);
    this.log.appendLine(`[${path.basename(nb.uri.path)}] kernel restarted: variables cleared`);
    await this.get(nb).ready;
  }

  async interrupt(nb: vscode.NotebookDocument): Promise<"idle" | "kept" | "restarted"> {
    const k = this.peek(nb);
    if (!k) return "idle";
    const outcome = await k.interrupt();
    this.log.appendLine(`[${path.basename(nb.uri.path)}] interrupt: ${outcome === "kept" ? "cell stopped, variables kept" : outcome === "restarted" ? "kernel did not respond and was killed; variables lost" : "nothing was running"}`);
    return outcome;
  }

  async shutdown(nb: vscode.NotebookDocument): Promise<void> {
    const k = this.kernels.get(this.key(nb));
    this.kernels.delete(this.key(nb));
    if (k) await k.shutdown();
    if (k) this.kernelsChanged.fire(nb);
  }

  dispose(): void {
    this.kernelsChanged.dispose();
    for (const k of this.kernels.values()) void k.shutdown();
    this.kernels.clear();
  }
}
