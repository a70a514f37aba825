package dev.tinyforge.search;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SearchCacheTest {
  static SearchResult sample() {
    SearchSpace space = SearchSpaces.digits();
    SearchResult.Provenance p = new SearchResult.Provenance(SearchCache.TOOL, space, "STM32F746",
        65536, 262144, "mnist", "ab", 1, 1000, TrainingRecipe.standard(),
        EvolutionSettings.standard());
    Architecture a = Architecture.sample(space, new java.util.SplittableRandom(1));
    return new SearchResult(SearchCache.FORMAT, SearchCache.key(p), p, 0.5, 20, a, "M.tfw",
        new SearchResult.Metrics(2000, 0.9, 0.89, 0.8, 1, 2, 3, 0, 0, 0, 0, 0, 5));
  }

  @Test
  void roundTripsByteForByte() throws Exception {
    SearchResult result = sample();
    byte[] json = SearchCache.write(result);
    SearchResult back = SearchCache.read(json);
    assertThat(back).isEqualTo(result);
    assertThat(SearchCache.write(back)).isEqualTo(json);
  }

  @Test
  void corruptOrEditedFilesAreRejected() {
    byte[] json = SearchCache.write(sample());
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(assertThrows(SearchCacheException.class,
        () -> SearchCache.read(java.util.Arrays.copyOf(json, json.length / 2))))
        .hasMessageThat().contains("not a valid search result");
    assertThat(assertThrows(SearchCacheException.class,
        () -> SearchCache.read(text.replace("\"seed\" : 1", "\"seed\" : 2")
            .getBytes(StandardCharsets.UTF_8))))
        .hasMessageThat().contains("key does not match");
    assertThat(assertThrows(SearchCacheException.class,
        () -> SearchCache.read(text.replace(SearchCache.FORMAT, "other/1")
            .getBytes(StandardCharsets.UTF_8))))
        .hasMessageThat().contains("format");
  }

  @Test
  void keyCoversBudgetsAndSpace() {
    SearchResult.Provenance p = sample().provenance();
    SearchResult.Provenance sram = new SearchResult.Provenance(p.tool(), p.space(), p.board(),
        p.sramBytes() / 2, p.flashBytes(), p.dataSet(), p.dataSetSha256(), p.seed(),
        p.stage1Samples(), p.training(), p.evolution());
    assertThat(SearchCache.key(sram)).isNotEqualTo(SearchCache.key(p));
  }
}
