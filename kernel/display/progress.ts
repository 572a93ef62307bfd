// A progress bar for loops, updated in place in notebooks and on one line in terminals.
import { DisplayHandle, display } from "./display";
import { MIMEBUNDLE } from "./mime";

class ProgressView {
  constructor(private readonly label: string, private readonly done: number, private readonly total: number, private readonly note: string) {}
  private text(): string {
    const width = 30;
    const frac = this.total > 0 ? Math.min(1, this.done / this.total) : 0;
    const bar = "█".repeat(Math.round(frac * width)).padEnd(width, "░");
    return `${this.label} ${bar} ${this.done}/${this.total}${this.note ? `  ${this.note}` : ""}`;
  }
  [MIMEBUNDLE]() {
    const pct = this.total > 0 ? (100 * this.done) / this.total : 0;
    const html = `<div style="font-family: var(--vscode-editor-font-family, monospace)">${escape(this.label)} ` +
      `<progress value="${this.done}" max="${this.total}" style="width: 40%"></progress> ${this.done}/${this.total} (${pct.toFixed(0)}%)` +
      `${this.note ? ` &nbsp;${escape(this.note)}` : ""}</div>`;
    return { "text/html": html, "text/plain": this.text() };
  }
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** progress(total, label) → { tick(note?), set(done, note?) }: shows one progress output and updates it in place. */
export function progress(total: number, label = "Progress"): { tick(note?: string): void; set(done: number, note?: string): void } {
  let done = 0;
  let shownAt = 0;
  const handle: DisplayHandle = display(new ProgressView(label, 0, total, ""), { display_id: true });
  const set = (n: number, note = "") => {
    done = n;
    // a redraw ten times a second is smooth enough; the first and the last are always shown
    const now = Date.now();
    if (done < total && done > 1 && now - shownAt < 100) return;
    shownAt = now;
    handle.update(new ProgressView(label, done, total, note));
  };
  return { tick: (note?: string) => set(done + 1, note), set };
}
