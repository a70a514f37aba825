package dev.tinyforge.firmware;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.firmware.ModelRunException.Failure;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareMetalSourcesTest {
  @TempDir Path classpathRoot;
  @TempDir Path target;

  @Test
  void theSourceTreeHasEveryListedFile() throws Exception {
    Toolchains.sourceTreeBareMetal().copyInto(target);

    for (String file : BareMetalSources.FILES) {
      assertThat(Files.size(target.resolve(file))).isGreaterThan(0L);
    }
  }

  @Test
  void readsTheFilesFromAClassPathAsTheJarLaysThemOut() throws Exception {
    Path resources =
        Files.createDirectories(classpathRoot.resolve(BareMetalSources.RESOURCE_FOLDER));
    Toolchains.sourceTreeBareMetal().copyInto(resources);

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classpathRoot.toUri().toURL()}, null)) {
      BareMetalSources.fromClassLoader(loader).copyInto(target);
    }

    assertThat(Files.readString(target.resolve("cm.ld"))).contains("RAM_SIZE");
  }

  @Test
  void aMissingFileIsAToolchainProblemThatSaysWhereItLooked() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      ModelRunException e =
          assertThrows(
              ModelRunException.class,
              () -> BareMetalSources.fromClassLoader(empty).copyInto(target));

      assertThat(e.failure()).isEqualTo(Failure.TOOLCHAIN_MISSING);
      assertThat(e).hasMessageThat().contains(BareMetalSources.RESOURCE_FOLDER);
    }
  }
}
