package dev.tinyforge.engine;

/** What the target board offers: SRAM and flash in bytes, and its clock. */
public record Budget(String board, String core, long sramBytes, long flashBytes, int clockMhz) {}
