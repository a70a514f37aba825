package dev.tinyforge.example;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The app runs a searched model without DJL: javac read its cached search result, and neither
 * the app's class path nor its tests' (a superset of its compile class path) has DJL or
 * PyTorch's native library. (`mvn dependency:tree` of the app shows the same.)
 */
class NoDjlTest {
  @Test
  void djlIsNotOnTheClassPath() {
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    assertThat(Arrays.stream(entries).filter(e -> e.contains("ai/djl") || e.contains("pytorch")))
        .isEmpty();
    assertThat(getClass().getClassLoader().getResource("ai/djl/engine/Engine.class")).isNull();
  }

  @Test
  void theSearchedModelIsCompiledFromItsCache() {
    DigitsNasMirror model = new DigitsNasMirror();
    assertThat(model.name()).isEqualTo("digits_nas");
    assertThat(model.peakSramBytes()).isAtMost(64 * 1024);
    assertThat(model.flashBytesEstimate()).isAtMost(256 * 1024);
  }
}
