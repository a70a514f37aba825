package dev.tinyforge.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where generated C runs: on the build machine itself, or on an emulated Cortex-M core.
 *
 * <p>The Cortex-M targets are QEMU's MPS2 FPGA images, which are the cores of the boards we
 * target (STM32F4/F7/H7, nRF52): same instruction set, same FPU, same faults on unaligned LDRD.
 * Both machines have 4 MiB at 0x0 (flash) and 4 MiB at 0x20000000 (SRAM), which is what a run
 * links against unless the caller states a board's smaller sizes.
 */
public enum CTarget {
  /** The machine's own gcc; the binary runs directly. */
  HOST("gcc", List.of(), null),
  /** Cortex-M7 with the double-precision FPv5 FPU and DSP extension, as on STM32F7/H7. */
  CORTEX_M7(
      "arm-none-eabi-gcc",
      List.of("-mcpu=cortex-m7", "-mthumb", "-mfpu=fpv5-d16", "-mfloat-abi=hard"),
      new QemuMachine("mps2-an500", 4L << 20, 4L << 20)),
  /** Cortex-M4 with the single-precision FPv4 FPU and DSP extension, as on STM32F4 and nRF52. */
  CORTEX_M4(
      "arm-none-eabi-gcc",
      List.of("-mcpu=cortex-m4", "-mthumb", "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard"),
      new QemuMachine("mps2-an386", 4L << 20, 4L << 20));

  static final String QEMU = "qemu-system-arm";

  /** A QEMU machine and the memory it gives a program linked by cm.ld. */
  record QemuMachine(String name, long flashBytes, long ramBytes) {}

  private final String compiler;
  private final List<String> architectureFlags;
  private final QemuMachine machine;

  CTarget(String compiler, List<String> architectureFlags, QemuMachine machine) {
    this.compiler = compiler;
    this.architectureFlags = architectureFlags;
    this.machine = machine;
  }

  /** The C compiler's command name, looked up on PATH. */
  public String compiler() {
    return compiler;
  }

  /** The flags that select the core and its floating-point ABI (empty for the host). */
  public List<String> architectureFlags() {
    return architectureFlags;
  }

  /** The {@code qemu-system-arm -M} machine, for targets that run under emulation. */
  public Optional<String> qemuMachine() {
    return Optional.ofNullable(machine).map(QemuMachine::name);
  }

  /** True when programs need the bare-metal start-up code and a linker script. */
  public boolean isBareMetal() {
    return machine != null;
  }

  Optional<QemuMachine> machine() {
    return Optional.ofNullable(machine);
  }

  /** The commands this target needs on PATH. */
  public List<String> requiredTools() {
    List<String> tools = new ArrayList<>();
    tools.add(compiler);
    if (isBareMetal()) {
      tools.add(QEMU);
    }
    return List.copyOf(tools);
  }

  /** The required tools that are not on PATH; empty when the target can be used. */
  public List<String> missingTools() {
    return requiredTools().stream().filter(tool -> ToolLookup.find(tool).isEmpty()).toList();
  }

  /** True when every tool this target needs is on PATH. */
  public boolean isAvailable() {
    return missingTools().isEmpty();
  }

  /** A lower-case name for directories and messages, e.g. {@code cortex-m7}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
