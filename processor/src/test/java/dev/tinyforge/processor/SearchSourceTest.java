package dev.tinyforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.search.EvolutionSettings;
import dev.tinyforge.search.SearchCache;
import dev.tinyforge.search.SearchResult;
import dev.tinyforge.search.SearchSpace;
import dev.tinyforge.search.SearchSpaces;
import dev.tinyforge.search.Stage1;
import dev.tinyforge.search.Stage1Pick;
import dev.tinyforge.search.Stage1Settings;
import dev.tinyforge.search.TrainingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** javac reads the cached search result: present and current, missing, stale, corrupt. */
class SearchSourceTest {
  @TempDir Path dir;

  /** The space search/Searched.java declares. */
  static SearchSpace space() {
    SearchSpace d = SearchSpaces.digits();
    return new SearchSpace(d.task(), d.stem(), d.stages(), d.headChannels(), d.kernels(),
        d.expansions(), List.of(2), List.of(0.3), List.of(16));
  }

  /** A current cache (stage-1 architecture, seeded weights) for seed {@code seed}. */
  private void writeCache(long seed) throws Exception {
    Stage1Settings settings = new Stage1Settings(Board.STM32F746, 32 * 1024, 256 * 1024, 50, seed);
    Stage1Pick pick = Stage1Pick.of(Stage1.run(space(), settings, 1));
    SearchResult.Provenance p = new SearchResult.Provenance(SearchCache.TOOL, space(),
        "STM32F746", 32 * 1024, 256 * 1024, "mnist", "00", seed, 50, TrainingRecipe.quick(),
        EvolutionSettings.quick());
    SearchResult result = new SearchResult(SearchCache.FORMAT, SearchCache.key(p), p,
        pick.width(), pick.resolution(), pick.architecture(), "",
        new SearchResult.Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    write(SearchCache.write(result));
  }

  private void write(byte[] bytes) throws Exception {
    Files.createDirectories(dir.resolve("search"));
    Files.write(dir.resolve("search/Searched.search.json"), bytes);
  }

  private Compilation compile(List<String> options) {
    return Compilations.compile(List.of(dir), options,
        Compilations.source("search/Searched.java")).compilation();
  }

  @Test
  void currentCacheCompiles() throws Exception {
    writeCache(1);
    Compilation c = compile(List.of());
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("search/SearchedMirror");
  }

  @Test
  void missingCacheNamesTheCommand() {
    Compilation c = compile(List.of());
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[Search/CacheMissing] no search result "
        + "search/Searched.search.json beside Searched");
    assertThat(c).hadErrorContaining("tinyforge.jar search --source "
        + "src/main/java/search/Searched.java --data");
    assertThat(c).hadErrorContaining("").inFile(Compilations.source("search/Searched.java"))
        .onLineContaining("@SearchSpace");
  }

  @Test
  void staleCacheSaysWhatChanged() throws Exception {
    writeCache(2);
    Compilation c = compile(List.of());
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[Search/CacheStale]");
    assertThat(c).hadErrorContaining("the seed was 2, is now 1");
  }

  @Test
  void corruptCacheIsAClearError() throws Exception {
    write("{ \"format\" : ".getBytes());
    Compilation c = compile(List.of());
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[Search/CacheCorrupt] the search result "
        + "Searched.search.json cannot be used: it is not a valid search result");
  }

  @Test
  void stage1OptionBuildsWithAWarning() {
    Compilation c = compile(List.of("-Atinyforge.search=stage1"));
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[Search/Stage1Only]");
    assertThat(c).generatedSourceFile("search/SearchedMirror");
  }

  @Test
  void conflictsAndUnknownTask() {
    Compilation c = Compilations.compile(Compilations.source("search/SearchedWithLayers.java"))
        .compilation();
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[TinyModel/SearchConflict]");
    assertThat(c).hadErrorContaining("task \"faces\" is unknown");
  }

  @Test
  void invalidSpaceAndImpossibleBudget() {
    Compilation c = Compilations.compile(Compilations.source("search/SearchedTooSmall.java"))
        .compilation();
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[SearchSpace/Invalid]");
    assertThat(c).hadErrorContaining("kernels").inFile(
        Compilations.source("search/SearchedTooSmall.java")).onLineContaining("kernels = {4}");
  }
}
