// Types of the "actnb" package: those of the compiled engine.
export * from "../out/kernel/index";
