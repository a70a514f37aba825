package dev.tinyforge.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tinyforge.search.SearchCache;
import dev.tinyforge.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
  static final String MNIST = System.getProperty("tinyforge.mnist", "../../shared/data/mnist");

  @TempDir Path dir;

  @Test
  void searchesASourceModelAndWritesTheCacheBesideIt() throws Exception {
    Path source = dir.resolve("Searched.java");
    Files.copy(Path.of("src/test/resources/search/Searched.java"), source);
    CliRun run = CliRun.of("search", "--source", source.toString(), "--data", MNIST,
        "--recipe", "quick");
    assertThat(run.err()).doesNotContain("error");
    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("Searched: width 0.3, resolution 16");
    assertThat(run.out()).contains("int8");
    assertThat(run.err()).contains("super-network");
    SearchResult result = SearchCache.read(Files.readAllBytes(dir.resolve("Searched.search.json")));
    assertThat(result.provenance().seed()).isEqualTo(1);
    assertThat(result.provenance().sramBytes()).isEqualTo(32 * 1024);
    assertThat(Files.size(dir.resolve("Searched.tfw"))).isGreaterThan(1000L);
  }

  @Test
  void badInputExitsWithTwoAndOneParagraph() throws Exception {
    CliRun neither = CliRun.of("search", "--data", MNIST);
    assertThat(neither.status()).isEqualTo(2);
    assertThat(neither.err()).contains("[Cli/Usage] give exactly one of --source and --spec");

    Path source = dir.resolve("Searched.java");
    Files.copy(Path.of("src/test/resources/search/Searched.java"), source);
    CliRun noData = CliRun.of("search", "--source", source.toString(), "--data",
        dir.resolve("nowhere").toString());
    assertThat(noData.status()).isEqualTo(2);
    assertThat(noData.err()).contains("[Cli/Data]");
    assertThat(noData.err()).contains("does not exist");

    Path plain = dir.resolve("NotSearched.java");
    Files.copy(Path.of("src/test/resources/search/NotSearched.java"), plain);
    CliRun notSearched = CliRun.of("search", "--source", plain.toString(), "--data", MNIST);
    assertThat(notSearched.status()).isEqualTo(2);
    assertThat(notSearched.err()).contains("[Cli/Search]");
    assertThat(notSearched.err()).contains("has no usable @SearchSpace");

    Path spec = dir.resolve("tiny.json");
    Files.writeString(spec, "{\"className\": \"Tiny\", \"board\": \"STM32F746\", \"sramKb\": 1,"
        + " \"flashKb\": 256, \"widths\": [0.3], \"resolutions\": [16], \"samples\": 20}");
    CliRun budget = CliRun.of("search", "--spec", spec.toString(), "--out",
        dir.resolve("out").toString(), "--data", MNIST, "--recipe", "quick");
    assertThat(budget.status()).isEqualTo(2);
    assertThat(budget.err()).contains("[Search/Budget] no network");
    assertThat(budget.err()).contains("smallest peak SRAM found is");
    assertThat(budget.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
  }
}
