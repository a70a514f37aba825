package dev.tinyforge.firmware;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class HarnessOutputTest {
  @Test
  void readsOutputsFactsAndIgnoresOtherText() {
    HarnessOutput output =
        HarnessOutput.parse(
            "some text a model printed\n"
                + "@output 00ff7f80\n"
                + "@instructions 0 1240\n"
                + "@output 01\r\n"
                + "@instructions 1 40\n"
                + "@stack-high-water 96 16384\n");

    assertThat(output.outputs()).hasSize(2);
    assertThat(output.outputs().get(0)).isEqualTo(new byte[] {0, -1, 127, -128});
    assertThat(output.outputs().get(1)).isEqualTo(new byte[] {1});
    assertThat(output.instructions()).containsExactly(1240L, 40L).inOrder();
    assertThat(output.stack()).hasValue(new StackUsage(96, 16384));
    assertThat(output.fault()).isEmpty();
    assertThat(output.malformedLines()).isEmpty();
    assertThat(output.stackOverflow()).isFalse();
  }

  @Test
  void readsFaultsOverflowsAndInvokeFailures() {
    HarnessOutput output =
        HarnessOutput.parse(
            "@invoke-failed 4 3\n@fault exception=3 CFSR=0x00008200\n@stack-overflow raise it\n");

    assertThat(output.invokeFailure()).hasValue("4 3");
    assertThat(output.fault()).hasValue("exception=3 CFSR=0x00008200");
    assertThat(output.stackOverflow()).isTrue();
  }

  @Test
  void collectsMalformedFactLinesWithTheReason() {
    HarnessOutput output =
        HarnessOutput.parse(
            "@output 0g\n@stack-high-water 20000 16384\n@instructions 12\n@output 01\n");

    assertThat(output.malformedLines()).hasSize(3);
    assertThat(output.malformedLines().get(1)).contains("implausible stack usage");
    assertThat(output.outputs()).hasSize(1);
  }

  @Test
  void readsTracedRegionsWithTheirPoint() {
    HarnessOutput output =
        HarnessOutput.parse("@trace 1 3 16 00ff80\n@output 01\n@trace 2 4 0\n");

    assertThat(output.traces())
        .containsExactly(new TracedBytes(new TracePoint(1, 3, 16, 3), new byte[] {0, -1, -128}));
    assertThat(output.malformedLines()).hasSize(1);
  }
}
