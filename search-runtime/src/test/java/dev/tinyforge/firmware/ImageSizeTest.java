package dev.tinyforge.firmware;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.firmware.ImageSize.Part;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The image split of a Cortex-M build, on the toy model whose every byte is known. */
class ImageSizeTest {
  @TempDir Path models;
  @TempDir Path work;

  @ParameterizedTest
  @EnumSource(names = {"CORTEX_M7", "CORTEX_M4"})
  void splitsTheImageIntoEngineWeightsLibraryAndHarness(CTarget target) throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 784);
    RunResult result = Toolchains.runnerFor(target).run(toy, List.of(new byte[784]), work);

    ImageSize size = ImageSize.of(result, toy);

    // toy_weights.c holds one initialised byte: .data, so flash (its value) and RAM.
    assertThat(size.part(Part.WEIGHTS)).isEqualTo(new ImageSize.Bytes(1, 1));
    // The engine's arena is 785 bytes of .bss, and it has code.
    assertThat(size.part(Part.ENGINE).ram()).isEqualTo(785);
    assertThat(size.part(Part.ENGINE).flash()).isGreaterThan(16);
    // toy_invoke copies 785 bytes with memcpy: a library routine the engine needs.
    assertThat(size.part(Part.ENGINE_LIBRARY).flash()).isGreaterThan(0);
    // The harness embeds the 784-byte input in flash.
    assertThat(size.part(Part.HARNESS).flash()).isGreaterThan(784);
    long flash = 0;
    long ram = 0;
    for (Part part : Part.values()) {
      flash += size.part(part).flash();
      ram += size.part(part).ram();
    }
    assertThat(flash).isEqualTo(size.flashBytes());
    assertThat(ram).isEqualTo(size.staticRamBytes());
    assertThat(size.modelFlashBytes())
        .isEqualTo(size.engineCodeBytes() + size.weightsBytes());
    assertThat(size.modelStaticRamBytes()).isAtLeast(786);
    assertThat(size.sizeReport()).contains(".text");
  }

  @Test
  void hostBuildsHaveNoImageToMeasure() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);
    RunResult result = Toolchains.runnerFor(CTarget.HOST).run(toy, List.of(new byte[4]), work);

    assertThrows(IllegalArgumentException.class, () -> ImageSize.of(result, toy));
  }

  @Test
  void readsUndefinedSymbolsFromNm() {
    assertThat(ImageSize.undefinedSymbols("\ntoy.o:\n         U memcpy\n00000000 T toy_invoke\n"))
        .containsExactly("memcpy");
  }
}
