package dev.tinyforge.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where the Cortex-M start-up code, semihosting and linker script come from: the c-runtime jar
 * ({@code tinyforge/c/bare-metal/} on the class path) or a folder such as the source tree's
 * {@code c-runtime/bare-metal}. search-runtime does not depend on c-runtime, so the caller chooses.
 */
public final class BareMetalSources {
  /** The class path folder c-runtime's jar puts the files in. */
  public static final String RESOURCE_FOLDER = "tinyforge/c/bare-metal/";

  /** The linker script among {@link #FILES}. */
  static final String LINKER_SCRIPT = "cm.ld";

  /** Listed, not discovered: a folder inside a jar cannot be listed portably. */
  static final List<String> FILES =
      List.of(LINKER_SCRIPT, "startup.c", "semihost.h", "semihost.c", "icount.h", "icount.c");

  private final Path directory;
  private final ClassLoader loader;

  private BareMetalSources(Path directory, ClassLoader loader) {
    this.directory = directory;
    this.loader = loader;
  }

  /** The files in a folder of the file system. */
  public static BareMetalSources fromDirectory(Path directory) {
    return new BareMetalSources(directory.toAbsolutePath().normalize(), null);
  }

  /** The files under {@link #RESOURCE_FOLDER} as the given class loader sees them. */
  public static BareMetalSources fromClassLoader(ClassLoader loader) {
    return new BareMetalSources(null, loader);
  }

  /**
   * The files on the current thread's context class path (falling back to this library's own
   * loader): where they are when c-runtime is a dependency, as in the processor and its tests.
   */
  public static BareMetalSources fromClasspath() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return fromClassLoader(context != null ? context : BareMetalSources.class.getClassLoader());
  }

  /** Copies every file into {@code target}, replacing older copies. */
  void copyInto(Path target) throws IOException {
    for (String file : FILES) {
      Path destination = target.resolve(file);
      if (directory != null) {
        Path source = directory.resolve(file);
        if (!Files.isRegularFile(source)) {
          throw missing(file, directory.toString());
        }
        Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
      } else {
        try (InputStream in = loader.getResourceAsStream(RESOURCE_FOLDER + file)) {
          if (in == null) {
            throw missing(file, "class path resource folder " + RESOURCE_FOLDER);
          }
          Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static ModelRunException missing(String file, String where) {
    return new ModelRunException(
        ModelRunException.Failure.TOOLCHAIN_MISSING,
        "bare-metal support file "
            + file
            + " not found in "
            + where
            + " (it ships in c-runtime under bare-metal/, packaged as "
            + RESOURCE_FOLDER
            + ")",
        OptionalInt.empty(),
        "");
  }

  @Override
  public String toString() {
    return directory != null ? directory.toString() : "classpath:" + RESOURCE_FOLDER;
  }
}
