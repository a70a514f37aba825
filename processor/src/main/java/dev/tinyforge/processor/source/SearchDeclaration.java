package dev.tinyforge.processor.source;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.processor.read.AnnotationValues;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.search.SearchSpace;
import dev.tinyforge.search.SearchSpaces;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@code @SearchSpace} model asks for, read from its two annotations: the space (the
 * task's ready-made one with the choices the user overrode), the board and budgets in bytes,
 * stage 1's samples, the seed, and where the cache sits. The same for javac and the command line.
 */
public record SearchDeclaration(String className, String packagePath, String cName,
    SearchSpace space, Board board, long sramBytes, long flashBytes, int samples, long seed,
    String cacheFile) {

  /** The tasks {@code @SearchSpace(task = ...)} knows. */
  public static final List<String> TASKS = List.of("digits");

  /** The declaration, or null when the task is unknown (a rule reports it). */
  public static SearchDeclaration of(ModelDeclaration model, String packageName) {
    AnnotationValues search = model.search();
    String task = search.stringValue("task");
    if (!TASKS.contains(task)) {
      return null;
    }
    SearchSpace preset = SearchSpaces.digits();
    SearchSpace space = new SearchSpace(preset.task(), preset.stem(), preset.stages(),
        preset.headChannels(),
        ints(search.intArray("kernels"), preset.kernels()),
        ints(search.intArray("expansions"), preset.expansions()),
        ints(search.intArray("depths"), preset.depths()),
        search.doubleArray("widths").length == 0 ? preset.widths()
            : Arrays.stream(search.doubleArray("widths")).boxed().toList(),
        ints(search.intArray("resolutions"), preset.resolutions()));
    AnnotationValues a = model.annotation();
    Board board = model.board();
    long sram = 1024L * (a.intValue("sramKb") != 0 ? a.intValue("sramKb") : board.sramKb());
    long flash = 1024L * (a.intValue("flashKb") != 0 ? a.intValue("flashKb") : board.flashKb());
    String simple = model.type().getSimpleName().toString();
    String cache = search.stringValue("cache").isEmpty() ? simple + ".search.json"
        : search.stringValue("cache");
    return new SearchDeclaration(simple, packageName.replace('.', '/'), model.cName(), space,
        board, sram, flash, search.intValue("samples"), search.longValue("seed"), cache);
  }

  /** The weights file the search writes beside the cache. */
  public String weightsFile() {
    return className + ".tfw";
  }

  /** The command that writes (or refreshes) this model's cache, from the project's folder. */
  public String refreshCommand() {
    String source = "src/main/java/" + (packagePath.isEmpty() ? "" : packagePath + "/")
        + className + ".java";
    return "java -jar <tinyforge>/processor/target/tinyforge.jar search --source " + source
        + " --data <folder with the MNIST IDX files>";
  }

  private static List<Integer> ints(int[] values, List<Integer> preset) {
    return values.length == 0 ? preset : Arrays.stream(values).boxed().toList();
  }
}
