/**
 * Compiles generated C models with a small driver and runs them on the host or on Cortex-M cores
 * emulated by QEMU, reading the outputs and the measured facts (stack high-water mark, executed
 * instructions) back into Java. Entry point: {@link dev.tinyforge.firmware.ModelRunner}.
 */
package dev.tinyforge.firmware;
