package dev.tinyforge.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.processor.Compilations.Compiled;
import java.util.List;

/** Assertions on the files the processor created for one model. */
final class ModelOutputs {
  private ModelOutputs() {}

  /** The files every model gets besides the c-runtime sources its kernels need. */
  static List<String> expectedPaths(String qualifiedClass, String cName) {
    String mirror = qualifiedClass.replace('.', '/') + "Mirror";
    String dir = "/SOURCE_OUTPUT/" + TinyModelProcessor.FIRMWARE_ROOT + cName + "/";
    return List.of(
        "/SOURCE_OUTPUT/" + mirror + ".java",
        "/CLASS_OUTPUT/" + mirror + ".bin",
        dir + cName + ".h",
        dir + cName + ".c",
        dir + cName + "_weights.h",
        dir + cName + "_weights.c",
        dir + "report.json",
        dir + "Makefile",
        dir + "tforge.h");
  }

  /** The model got its mirror, its constants and its whole firmware folder. */
  static void assertAllWritten(Compiled compiled, String qualifiedClass, String cName) {
    assertWithMessage("files created for %s", qualifiedClass).that(compiled.created())
        .containsAtLeastElementsIn(expectedPaths(qualifiedClass, cName));
  }

  /** Not one file of the model was created: no mirror, no constants, no firmware folder. */
  static void assertNothingWritten(Compiled compiled, String qualifiedClass, String cName) {
    String mirror = qualifiedClass.replace('.', '/') + "Mirror.";
    String firmware = "/SOURCE_OUTPUT/" + TinyModelProcessor.FIRMWARE_ROOT + cName + "/";
    assertWithMessage("files created for %s", qualifiedClass)
        .that(compiled.created().stream()
            .filter(path -> path.contains("/" + mirror) || path.startsWith(firmware))
            .toList())
        .isEmpty();
  }

  /** The processor created no file at all. */
  static void assertNothingWrittenAtAll(Compiled compiled) {
    assertWithMessage("files created").that(compiled.created()).isEmpty();
  }
}
