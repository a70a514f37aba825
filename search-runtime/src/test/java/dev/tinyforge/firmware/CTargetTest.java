package dev.tinyforge.firmware;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class CTargetTest {
  @Test
  void cortexTargetsNameTheirCoreFpuAndMachine() {
    assertThat(CTarget.CORTEX_M7.architectureFlags())
        .containsAtLeast("-mcpu=cortex-m7", "-mfpu=fpv5-d16", "-mfloat-abi=hard");
    assertThat(CTarget.CORTEX_M7.qemuMachine()).hasValue("mps2-an500");
    assertThat(CTarget.CORTEX_M4.architectureFlags())
        .containsAtLeast("-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard");
    assertThat(CTarget.CORTEX_M4.qemuMachine()).hasValue("mps2-an386");
    assertThat(CTarget.CORTEX_M4.requiredTools())
        .containsExactly("arm-none-eabi-gcc", "qemu-system-arm");
  }

  @Test
  void theHostNeedsOnlyGcc() {
    assertThat(CTarget.HOST.isBareMetal()).isFalse();
    assertThat(CTarget.HOST.qemuMachine()).isEmpty();
    assertThat(CTarget.HOST.requiredTools()).containsExactly("gcc");
    assertThat(CTarget.HOST.slug()).isEqualTo("host");
    assertThat(CTarget.CORTEX_M7.slug()).isEqualTo("cortex-m7");
  }
}
