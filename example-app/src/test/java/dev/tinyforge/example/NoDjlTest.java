package dev.tinyforge.example;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The app runs a searched model without DJL: javac read its cached search result, and Maven
 * resolves neither DJL nor PyTorch's native library onto the app's test class path (a superset
 * of its compile class path; `mvn dependency:tree` of the app shows the same).
 */
class NoDjlTest {
  @Test
  void djlIsNotOnTheClassPath() {
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    assertThat(Arrays.stream(entries).filter(e -> e.contains("ai/djl") || e.contains("pytorch")))
        .isEmpty();
    // Not asserted: that no ai.djl class loads. In the reactor the processor's own jar (a
    // provided dependency, for ordering) names target/lib/*.jar in its manifest Class-Path, which
    // the JVM follows; a user's build resolves the installed processor, whose lib/ does not exist.
  }

  @Test
  void theSearchedModelIsCompiledFromItsCache() {
    DigitsNasMirror model = new DigitsNasMirror();
    assertThat(model.name()).isEqualTo("digits_nas");
    assertThat(model.peakSramBytes()).isAtMost(64 * 1024);
    assertThat(model.flashBytesEstimate()).isAtMost(256 * 1024);
  }
}
