// The playwright-side helpers for VS Code tests (used by scripts/vscode-test.mjs and the UI specs).
export * from "./processes";
export * from "./codeServer";
export * from "./chromium";
export * from "./workbench";
export * from "./session";
