package dev.tinyforge.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hand-written model folders that follow the generated-code contract ({@code <name>.h} with
 * {@code <name>_invoke} and the size macros, any number of .c files), each small enough to reason
 * about, to test the runner without the processor.
 */
final class FakeModels {
  private FakeModels() {}

  /**
   * "toy": output[i] = input[i] + 1 with int8 wrap-around for every input byte, then one more byte,
   * the XOR of all inputs, so the output size differs from the input size. The increment lives in
   * a second file as initialised data (.data must be copied at start-up) and the result passes
   * through a zeroed arena (.bss). Like a generated engine it has {@code toy_arena()} and calls
   * {@code TFORGE_AFTER_LAYER} after its two "layers": 0 writes arena[0..n), 1 writes arena[n]
   * (the arena is kept between inferences, so after layer 0 arena[n] still holds the previous
   * input's parity).
   */
  static GeneratedModel toy(Path parent, int inputBytes) throws IOException {
    Path folder = Files.createDirectories(parent.resolve("toy-" + inputBytes));
    Files.writeString(
        folder.resolve("toy.h"),
        """
        #ifndef TOY_H
        #define TOY_H
        #include <stdint.h>
        #define TOY_INPUT_BYTES %1$d
        #define TOY_OUTPUT_BYTES (TOY_INPUT_BYTES + 1)
        #define TOY_ARENA_BYTES TOY_OUTPUT_BYTES
        int toy_invoke(const int8_t *input, int8_t *output);
        const int8_t *toy_arena(void);
        #endif
        """
            .formatted(inputBytes));
    Files.writeString(
        folder.resolve("toy_weights.c"),
        """
        #include <stdint.h>
        int8_t toy_increment = 1; /* not const on purpose: it lives in .data */
        """);
    Files.writeString(
        folder.resolve("toy.c"),
        """
        #include <string.h>
        #include "toy.h"

        #ifndef TFORGE_AFTER_LAYER
        #define TFORGE_AFTER_LAYER(index) ((void)0)
        #endif

        extern int8_t toy_increment;
        static int8_t arena[TOY_ARENA_BYTES];

        const int8_t *toy_arena(void)
        {
            return arena;
        }

        int toy_invoke(const int8_t *input, int8_t *output)
        {
            uint8_t parity = 0;
            for (int i = 0; i < TOY_INPUT_BYTES; i++) {
                arena[i] = (int8_t)(uint8_t)((uint8_t)input[i] + (uint8_t)toy_increment);
                parity ^= (uint8_t)input[i];
            }
            TFORGE_AFTER_LAYER(0);
            arena[TOY_INPUT_BYTES] = (int8_t)parity;
            TFORGE_AFTER_LAYER(1);
            memcpy(output, arena, TOY_OUTPUT_BYTES);
            return 0;
        }
        """);
    // The processor writes one; the runner must not care.
    Files.writeString(folder.resolve("Makefile"), "all:\n\t@echo not used by the runner\n");
    return new GeneratedModel(folder, "toy");
  }

  /** What {@link #toy} computes. */
  static byte[] toyExpected(byte[] input) {
    byte[] output = new byte[input.length + 1];
    byte parity = 0;
    for (int i = 0; i < input.length; i++) {
      output[i] = (byte) (input[i] + 1);
      parity ^= input[i];
    }
    output[input.length] = parity;
    return output;
  }

  /**
   * "wild": stores through a wild pointer. On the host that is a member of a null struct pointer,
   * address 0x10 (SIGSEGV; a store to address 0 itself went unpunished in one sandboxed kernel);
   * on Cortex-M low addresses are the vector table in RAM and a store there does not fault, so it
   * is an unmapped address instead (a precise BusFault).
   */
  static GeneratedModel wildPointer(Path parent) throws IOException {
    return singleFileModel(
        parent,
        "wild",
        """
        #if defined(__arm__)
        #define WILD_ADDRESS 0x50000000u
        #else
        #define WILD_ADDRESS 0x10u
        #endif
        int wild_invoke(const int8_t *input, int8_t *output)
        {
            /* volatile: gcc would otherwise see the null store and emit a trap instead */
            int8_t *volatile target = (int8_t *)(uintptr_t)WILD_ADDRESS;
            *target = input[0];
            output[0] = input[0];
            return 0;
        }
        """);
  }

  /** "hog": needs at least {@code bytes} of stack for a local buffer. */
  static GeneratedModel stackHog(Path parent, int bytes) throws IOException {
    return singleFileModel(
        parent,
        "hog",
        """
        int hog_invoke(const int8_t *input, int8_t *output)
        {
            volatile int8_t scratch[%d];
            for (unsigned i = 0; i < sizeof scratch; i++) {
                scratch[i] = input[0];
            }
            output[0] = scratch[sizeof scratch - 1];
            return 0;
        }
        """
            .formatted(bytes));
  }

  /** "spin": never returns. */
  static GeneratedModel endlessLoop(Path parent) throws IOException {
    return singleFileModel(
        parent,
        "spin",
        """
        int spin_invoke(const int8_t *input, int8_t *output)
        {
            volatile uint32_t turns = 0;
            for (;;) {
                turns++;
            }
            output[0] = input[0];
            return 0;
        }
        """);
  }

  /** "refuse": returns status 3, as an engine would for an input it rejects. */
  static GeneratedModel failingInvoke(Path parent) throws IOException {
    return singleFileModel(
        parent,
        "refuse",
        """
        int refuse_invoke(const int8_t *input, int8_t *output)
        {
            output[0] = input[0];
            return 3;
        }
        """);
  }

  /** "sloppy": compiles only without -Werror (an unused variable). */
  static GeneratedModel warning(Path parent) throws IOException {
    return singleFileModel(
        parent,
        "sloppy",
        """
        int sloppy_invoke(const int8_t *input, int8_t *output)
        {
            int unused_on_purpose;
            output[0] = input[0];
            return 0;
        }
        """);
  }

  /** "oob": reads one byte past its input, which only a sanitizer notices. */
  static GeneratedModel outOfBoundsRead(Path parent) throws IOException {
    return singleFileModel(
        parent,
        "oob",
        """
        int oob_invoke(const int8_t *input, int8_t *output)
        {
            volatile int past_the_end = OOB_INPUT_BYTES;
            output[0] = input[past_the_end];
            return 0;
        }
        """);
  }

  /** A model with one input byte and one output byte whose whole engine is {@code body}. */
  private static GeneratedModel singleFileModel(Path parent, String name, String body)
      throws IOException {
    String prefix = name.toUpperCase(java.util.Locale.ROOT);
    Path folder = Files.createDirectories(parent.resolve(name));
    Files.writeString(
        folder.resolve(name + ".h"),
        """
        #ifndef %1$s_H
        #define %1$s_H
        #include <stdint.h>
        #define %1$s_INPUT_BYTES 1
        #define %1$s_OUTPUT_BYTES 1
        #define %1$s_ARENA_BYTES 0
        int %2$s_invoke(const int8_t *input, int8_t *output);
        #endif
        """
            .formatted(prefix, name));
    Files.writeString(
        folder.resolve(name + ".c"),
        "#include <stdint.h>\n#include \"" + name + ".h\"\n\n" + body);
    return new GeneratedModel(folder, name);
  }
}
