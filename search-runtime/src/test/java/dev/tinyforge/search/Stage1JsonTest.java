package dev.tinyforge.search;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.annotations.Board;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class Stage1JsonTest {
  private static final Stage1Result RESULT = Stage1.run(SearchSpaces.digits(),
      new Stage1Settings(Board.STM32F746, 32 * 1024, 256 * 1024, 40, 7), 2);

  @Test
  void roundTripsAndWritesTheSameBytesEveryTime() {
    String json = Stage1Json.write(RESULT);
    assertThat(Stage1Json.read(json)).isEqualTo(RESULT);
    assertThat(Stage1Json.write(Stage1Json.read(json))).isEqualTo(json);
    assertThat(json).contains("\"format\" : \"tinyforge-stage1/1\"");
    assertThat(json).contains("\"board\" : \"STM32F746\"");
    assertThat(json).contains("\"fittingFraction\"");
  }

  @Test
  void roundTripsAResultWithoutAChoice() {
    Stage1Result none = Stage1.run(SearchSpaces.digits(),
        new Stage1Settings(Board.STM32F746, 1024, 256 * 1024, 5, 7), 1);
    assertThat(Stage1Json.read(Stage1Json.write(none))).isEqualTo(none);
  }

  @Test
  void refusesOtherFormatsAndUnknownFields() {
    String json = Stage1Json.write(RESULT);
    IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
        () -> Stage1Json.read(json.replace("tinyforge-stage1/1", "tinyforge-stage1/0")));
    assertThat(format).hasMessageThat().contains("format is \"tinyforge-stage1/0\"");
    assertThrows(IllegalArgumentException.class,
        () -> Stage1Json.read(json.replace("\"samples\" :", "\"sampels\" :")));
    assertThrows(IllegalArgumentException.class, () -> Stage1Json.read("{"));
  }

  @Test
  void plotIsWellFormedSvgWithOneCurvePerShownSpace() throws Exception {
    String svg = Stage1Plot.svg(RESULT);
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    int curves = Stage1Plot.curves(RESULT).size();
    assertThat(curves).isAtLeast(2);
    assertThat(curves).isAtMost(Stage1Plot.MAX_CURVES);
    assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(curves);
    assertThat(svg).contains(RESULT.chosenStats().label() + " (chosen)");
    assertThat(Stage1Plot.svg(RESULT)).isEqualTo(svg);
  }
}
