package dev.tinyforge.annotations;

/**
 * The microcontroller boards TinyForge plans for: SRAM bounds the activations, flash bounds the
 * weights and code. {@link #CUSTOM} takes its figures from {@link TinyModel#sramKb()},
 * {@link TinyModel#flashKb()} and {@link TinyModel#clockMhz()}.
 */
public enum Board {
  STM32F412("Cortex-M4", 256, 1024, 100),
  STM32F746("Cortex-M7", 320, 1024, 216),
  STM32F765("Cortex-M7", 512, 1024, 216),
  STM32H743("Cortex-M7", 512, 2048, 480),
  NRF52840("Cortex-M4F", 256, 1024, 64),
  CUSTOM("custom", 0, 0, 0);

  private final String core;
  private final int sramKb;
  private final int flashKb;
  private final int clockMhz;

  Board(String core, int sramKb, int flashKb, int clockMhz) {
    this.core = core;
    this.sramKb = sramKb;
    this.flashKb = flashKb;
    this.clockMhz = clockMhz;
  }

  public String core() {
    return core;
  }

  /** SRAM in KiB; 0 for {@link #CUSTOM}. */
  public int sramKb() {
    return sramKb;
  }

  /** Flash in KiB; 0 for {@link #CUSTOM}. */
  public int flashKb() {
    return flashKb;
  }

  /** Core clock in MHz; 0 for {@link #CUSTOM}. */
  public int clockMhz() {
    return clockMhz;
  }
}
