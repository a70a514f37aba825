package dev.tinyforge.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.processor.source.SearchDeclaration;
import dev.tinyforge.search.SearchSpace;
import dev.tinyforge.search.SearchSpaces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A search described in JSON instead of Java: {@code {"className": "DigitsNas", "name":
 * "digits_nas", "board": "STM32F746", "sramKb": 64, "flashKb": 256, "seed": 1}} plus the
 * optional choices of {@code @SearchSpace} (kernels, expansions, depths, widths, resolutions,
 * samples).
 */
final class SpecModel {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  record Spec(String className, String name, String board, int sramKb, int flashKb,
      List<Integer> kernels, List<Integer> expansions, List<Integer> depths, List<Double> widths,
      List<Integer> resolutions, Integer samples, Long seed) {}

  private SpecModel() {}

  static SearchDeclaration read(Path file) throws SourceModel.ModelException {
    Spec spec;
    try {
      spec = MAPPER.readValue(file.toFile(), Spec.class);
    } catch (IOException e) {
      throw new SourceModel.ModelException("the spec " + file + " cannot be read: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    if (spec.className() == null || spec.board() == null) {
      throw new SourceModel.ModelException("the spec " + file + " needs className and board");
    }
    Board board;
    try {
      board = Board.valueOf(spec.board());
    } catch (IllegalArgumentException e) {
      throw new SourceModel.ModelException("unknown board \"" + spec.board() + "\" in " + file);
    }
    SearchSpace d = SearchSpaces.digits();
    SearchSpace space = new SearchSpace(d.task(), d.stem(), d.stages(), d.headChannels(),
        or(spec.kernels(), d.kernels()), or(spec.expansions(), d.expansions()),
        or(spec.depths(), d.depths()), or(spec.widths(), d.widths()),
        or(spec.resolutions(), d.resolutions()));
    long sram = 1024L * (spec.sramKb() > 0 ? spec.sramKb() : board.sramKb());
    long flash = 1024L * (spec.flashKb() > 0 ? spec.flashKb() : board.flashKb());
    String name = spec.name() != null ? spec.name() : spec.className().toLowerCase();
    return new SearchDeclaration(spec.className(), "", name, space, board, sram, flash,
        spec.samples() != null ? spec.samples() : 1000, spec.seed() != null ? spec.seed() : 1,
        spec.className() + ".search.json");
  }

  private static <T> List<T> or(List<T> value, List<T> preset) {
    return value == null || value.isEmpty() ? preset : value;
  }
}
