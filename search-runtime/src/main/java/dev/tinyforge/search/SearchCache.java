package dev.tinyforge.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The search-result cache file ({@code <Model>.search.json}): a {@link SearchResult} as JSON,
 * properties sorted, so the same result always gives the same bytes. Its key is a SHA-256 over
 * the canonical JSON of the provenance: javac recomputes it from the annotation (space, board,
 * budgets, seed) and the tool, and a different key means the cache is stale.
 */
public final class SearchCache {
  public static final String FORMAT = "tinyforge-search/1";
  /** The search's own version: a change of the algorithm or recipe semantics invalidates caches. */
  public static final String TOOL = "tinyforge-tinynas/1";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .build();

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private SearchCache() {}

  /** The cache file's name for a model class. */
  public static String fileName(String simpleClassName) {
    return simpleClassName + ".search.json";
  }

  public static String key(SearchResult.Provenance provenance) {
    try {
      byte[] canonical = CANONICAL.writeValueAsBytes(provenance);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a search provenance", e);
    }
  }

  public static byte[] write(SearchResult result) {
    try {
      return (MAPPER.writeValueAsString(result) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a search result as JSON", e);
    }
  }

  /** The cached result; a corrupt or foreign file throws with the reason. */
  public static SearchResult read(byte[] bytes) throws SearchCacheException {
    SearchResult result;
    try {
      result = MAPPER.readValue(bytes, SearchResult.class);
    } catch (java.io.IOException e) {
      String detail = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst()
          .orElse(e.toString());
      throw new SearchCacheException("it is not a valid search result (" + detail + ")");
    }
    if (result == null) {
      throw new SearchCacheException("it is empty");
    }
    if (!FORMAT.equals(result.format())) {
      throw new SearchCacheException("its format is \"" + result.format() + "\", expected \""
          + FORMAT + "\"");
    }
    if (result.provenance() == null || result.architecture() == null || result.key() == null
        || result.provenance().space() == null) {
      throw new SearchCacheException("it lacks its provenance, key or architecture");
    }
    if (!key(result.provenance()).equals(result.key())) {
      throw new SearchCacheException("its key does not match its provenance (was it edited?)");
    }
    return result;
  }
}
