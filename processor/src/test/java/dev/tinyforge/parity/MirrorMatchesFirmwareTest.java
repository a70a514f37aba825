package dev.tinyforge.parity;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import dev.tinyforge.mirror.ModelMirror;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity: single-op models of random shapes go through the real processor; the generated C,
 * built with the host gcc (-Werror), gives the same bytes as the generated Java mirror on 100
 * random inputs each.
 */
class MirrorMatchesFirmwareTest {
  private static final int MODELS = 24;
  private static final int INPUTS = 100;
  private static final long SEED = 20261122L;

  @TempDir static Path work;
  private static List<RandomModels.Source> sources;
  private static GeneratedModels generated;

  @BeforeAll
  static void compileModels() throws Exception {
    sources = new RandomModels(SEED).generate(MODELS);
    Map<String, String> byName = new LinkedHashMap<>();
    sources.forEach(s -> byName.put("parity." + s.className(), s.text()));
    generated = GeneratedModels.compile(byName, work);
  }

  @Test
  void hostCEqualsMirrorOnRandomInputsForEveryRandomModel() throws Exception {
    Random random = new Random(SEED);
    int compared = 0;
    for (RandomModels.Source source : sources) {
      ModelMirror mirror = (ModelMirror) generated.mirror("parity." + source.className());
      List<byte[]> inputs = new ArrayList<>();
      for (int i = 0; i < INPUTS; i++) {
        byte[] input = new byte[source.inputBytes()];
        random.nextBytes(input);
        inputs.add(input);
      }
      RunResult c = ModelRunner.on(CTarget.HOST)
          .run(generated.firmware(source.cName()), source.cName(), inputs, work);
      for (int i = 0; i < INPUTS; i++) {
        assertWithMessage("%s, input %s\n%s", source.cName(), i, source.text())
            .that(c.output(i)).isEqualTo(mirror.invoke(inputs.get(i)));
        compared++;
      }
    }
    System.out.println("parity: " + sources.size() + " random single-op models x " + INPUTS
        + " inputs = " + compared + " outputs equal between host C and Java mirror");
    assertThat(compared).isEqualTo(MODELS * INPUTS);
  }
}
