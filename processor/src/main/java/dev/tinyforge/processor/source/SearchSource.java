package dev.tinyforge.processor.source;

import dev.tinyforge.build.FileWeights;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.build.WeightSource;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.ResourceLocator;
import dev.tinyforge.processor.diag.DiagnosticPrinter;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.validate.DeclarationRule;
import dev.tinyforge.processor.validate.SearchConflictRule;
import dev.tinyforge.search.SearchCache;
import dev.tinyforge.search.SearchCacheException;
import dev.tinyforge.search.SearchProblem;
import dev.tinyforge.search.SearchResult;
import dev.tinyforge.search.SearchSpaceCheck;
import dev.tinyforge.search.Stage1;
import dev.tinyforge.search.Stage1Pick;
import dev.tinyforge.search.Stage1Settings;
import dev.tinyforge.search.Subnet;
import dev.tinyforge.spec.ModelSpec;
import dev.tinyforge.weights.WeightsFileReader;
import dev.tinyforge.weights.WeightsFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model whose layers TinyNAS chose: its architecture and int8 weights come from the cached
 * search result beside the class, never from training. The cache must be there and its key must
 * match the declaration (space, board, budgets, samples, seed, tool); else a compile error names
 * the command that refreshes it. With the processor option {@code tinyforge.search=stage1} a
 * missing or stale cache gives stage 1's largest fitting network with seeded weights instead.
 */
public final class SearchSource implements ModelSource {
  /** {@code -Atinyforge.search=stage1}: build from stage 1 when no usable cache exists. */
  public static final String OPTION = "tinyforge.search";
  public static final String STAGE1 = "stage1";

  private static final List<DeclarationRule> RULES = List.of(new SearchConflictRule());
  private static final String ON_CACHE = DiagnosticPrinter.SEARCH + "cache";

  private final ResourceLocator resources;
  private final boolean stage1Fallback;

  public SearchSource(ResourceLocator resources, boolean stage1Fallback) {
    this.resources = resources;
    this.stage1Fallback = stage1Fallback;
  }

  @Override
  public List<DeclarationRule> rules() {
    return RULES;
  }

  @Override
  public Graph graph(ModelDeclaration model, Problems problems) {
    String packageName = resources.packageOf(model.type());
    SearchDeclaration search = SearchDeclaration.of(model, packageName);
    if (search == null) {
      return null; // SearchConflictRule reported the task
    }
    Stage1Settings settings = new Stage1Settings(search.board(), search.sramBytes(),
        search.flashBytes(), search.samples(), search.seed());
    List<SearchProblem> invalid = SearchSpaceCheck.check(search.space(), settings);
    for (SearchProblem p : invalid) {
      problems.error(Locus.model(member(p.member())), Message.SEARCH_SPACE, p.toString());
    }
    if (!invalid.isEmpty()) {
      return null;
    }
    String cache = search.cacheFile();
    byte[] bytes = resources.find(model.type(), cache);
    String problem;
    Message message;
    if (bytes == null) {
      problem = "missing";
      message = Message.SEARCH_CACHE_MISSING;
    } else {
      try {
        SearchResult result = SearchCache.read(bytes);
        String stale = staleness(search, result);
        if (stale == null) {
          return fromCache(model, search, result, problems);
        }
        problem = stale;
        message = Message.SEARCH_CACHE_STALE;
      } catch (SearchCacheException e) {
        problem = e.getMessage();
        message = Message.SEARCH_CACHE_CORRUPT;
      }
    }
    if (stage1Fallback) {
      return fromStage1(model, search, settings, cache + " " + problem, problems);
    }
    if (message == Message.SEARCH_CACHE_MISSING) {
      problems.error(Locus.model(ON_CACHE), message, resources.searchedPath(model.type(), cache),
          model.type().getSimpleName(), search.refreshCommand());
    } else {
      problems.error(Locus.model(ON_CACHE), message, cache, problem, search.refreshCommand());
    }
    return null;
  }

  /** What differs between the declaration and the cached provenance, or null when nothing. */
  static String staleness(SearchDeclaration search, SearchResult result) {
    SearchResult.Provenance cached = result.provenance();
    SearchResult.Provenance wanted = new SearchResult.Provenance(SearchCache.TOOL,
        search.space(), search.board().name(), search.sramBytes(), search.flashBytes(),
        cached.dataSet(), cached.dataSetSha256(), search.seed(), search.samples(),
        cached.training(), cached.evolution());
    if (SearchCache.key(wanted).equals(result.key())) {
      return null;
    }
    List<String> changes = new ArrayList<>();
    differs(changes, "the tool", cached.tool(), wanted.tool());
    differs(changes, "the search space", cached.space(), wanted.space());
    differs(changes, "the board", cached.board(), wanted.board());
    differs(changes, "the SRAM budget (bytes)", cached.sramBytes(), wanted.sramBytes());
    differs(changes, "the flash budget (bytes)", cached.flashBytes(), wanted.flashBytes());
    differs(changes, "the seed", cached.seed(), wanted.seed());
    differs(changes, "stage 1's samples", cached.stage1Samples(), wanted.stage1Samples());
    return "it was searched for another declaration (" + String.join("; ", changes) + ")";
  }

  private static void differs(List<String> changes, String what, Object cached, Object wanted) {
    if (!Objects.equals(cached, wanted)) {
      String c = String.valueOf(cached);
      String w = String.valueOf(wanted);
      changes.add(c.length() + w.length() < 80 ? what + " was " + c + ", is now " + w
          : what + " changed");
    }
  }

  private Graph fromCache(ModelDeclaration model, SearchDeclaration search, SearchResult result,
      Problems problems) {
    ModelSpec spec = spec(model, search, result.width(), result.resolution(), result);
    WeightSource weights;
    if (result.weights().isEmpty()) {
      weights = new SeededWeights(search.seed());
    } else {
      byte[] bytes = resources.find(model.type(), result.weights());
      if (bytes == null) {
        problems.error(Locus.model(ON_CACHE), Message.SEARCH_CACHE_CORRUPT, search.cacheFile(),
            "its weights file " + resources.searchedPath(model.type(), result.weights())
                + " is missing", search.refreshCommand());
        return null;
      }
      try {
        weights = new FileWeights(result.weights(), WeightsFileReader.read(bytes));
      } catch (WeightsFormatException e) {
        problems.error(Locus.model(ON_CACHE), Message.SEARCH_CACHE_CORRUPT, search.cacheFile(),
            "its weights file " + result.weights() + " is malformed (" + e.getMessage() + ")",
            search.refreshCommand());
        return null;
      }
    }
    return build(spec, weights, problems);
  }

  private Graph fromStage1(ModelDeclaration model, SearchDeclaration search,
      Stage1Settings settings, String why, Problems problems) {
    Stage1Pick pick;
    try {
      pick = Stage1Pick.of(Stage1.run(search.space(), settings, 1));
    } catch (Stage1Pick.BudgetException e) {
      problems.error(Locus.model("sramKb"), Message.SEARCH_BUDGET, e.getMessage());
      return null;
    }
    problems.warning(Locus.model(ON_CACHE), Message.SEARCH_STAGE1_ONLY, search.cacheFile(), why,
        pick.width(), pick.resolution(), pick.cost().macs(), search.seed(),
        search.refreshCommand());
    ModelSpec spec = Subnet.spec(search.space(), pick.width(), pick.resolution(),
        pick.architecture());
    return build(renamed(spec, model.cName()), new SeededWeights(search.seed()), problems);
  }

  private static ModelSpec spec(ModelDeclaration model, SearchDeclaration search, double width,
      int resolution, SearchResult result) {
    return renamed(Subnet.spec(search.space(), width, resolution, result.architecture()),
        model.cName());
  }

  private static ModelSpec renamed(ModelSpec spec, String name) {
    return new ModelSpec(name, spec.inputShape(), spec.inputScale(), spec.inputZeroPoint(),
        spec.layers());
  }

  private static Graph build(ModelSpec spec, WeightSource weights, Problems problems) {
    Graph graph = GraphBuilder.build(spec, weights, problems);
    if (weights instanceof FileWeights file && graph != null) {
      file.checkAllUsed(problems);
    }
    return problems.hasErrors() ? null : graph;
  }

  /** "kernels" → "search:kernels"; nested members ("stages[2].stride") on the annotation. */
  private static String member(String member) {
    return DiagnosticPrinter.SEARCH + (member.matches("[a-zA-Z]+") ? member : "");
  }
}
