package dev.tinyforge.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A stage-1 result as JSON for tools and for the search-result cache: the space, the settings
 * (board, budgets, samples, seed), every space's figures and the choice, under a format tag that
 * a reader checks. The same result always gives the same bytes.
 */
public final class Stage1Json {
  public static final String FORMAT = "tinyforge-stage1/1";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private Stage1Json() {}

  /** What the file holds: the format tag, then the result. */
  record Document(String format, Stage1Result result) {}

  public static String write(Stage1Result result) {
    try {
      return MAPPER.writeValueAsString(new Document(FORMAT, result)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a stage-1 result as JSON", e);
    }
  }

  /** The result; throws {@link IllegalArgumentException} for malformed JSON or another format. */
  public static Stage1Result read(String json) {
    Document document;
    try {
      document = MAPPER.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a stage-1 result: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(document.format())) {
      throw new IllegalArgumentException("not a stage-1 result: format is \"" + document.format()
          + "\", expected \"" + FORMAT + "\"");
    }
    return document.result();
  }
}
