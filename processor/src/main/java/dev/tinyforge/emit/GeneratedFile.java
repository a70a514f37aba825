package dev.tinyforge.emit;

import java.nio.charset.StandardCharsets;

/**
 * One output file, rendered in memory before anything is written, so that a model either gets
 * all of its files or none.
 */
public record GeneratedFile(Kind kind, String path, byte[] content) {
  /** Where the file goes. */
  public enum Kind {
    /** Firmware and report files under the generated-sources folder. */
    FIRMWARE,
    /** A Java source file; {@code path} is the qualified class name. */
    JAVA_SOURCE,
    /** A class-path resource next to the compiled classes. */
    CLASS_RESOURCE
  }

  public static GeneratedFile text(Kind kind, String path, String content) {
    return new GeneratedFile(kind, path, content.getBytes(StandardCharsets.UTF_8));
  }
}
