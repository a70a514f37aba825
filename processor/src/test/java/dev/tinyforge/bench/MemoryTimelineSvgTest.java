package dev.tinyforge.bench;

import static com.google.common.truth.Truth.assertThat;

import dev.tinyforge.annotations.Padding;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.plan.GreedyPlanner;
import dev.tinyforge.plan.MemoryPlan;
import dev.tinyforge.plan.NaivePlanner;
import dev.tinyforge.spec.LayerSpec;
import dev.tinyforge.spec.ModelSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The bench's memory timeline: well-formed SVG whose blocks are the plans' live bytes. */
class MemoryTimelineSvgTest {
  @Test
  void blocksPerStepAreTheLiveBuffersAndTheBaselineShowsReservedBytes() throws Exception {
    ModelSpec spec = new ModelSpec("tiny", new int[] {8, 8, 2}, 1 / 255f, -128, List.of(
        new LayerSpec.Conv2d("a <&>", 4, 3, 2, Padding.SAME, Activation.RELU),
        new LayerSpec.Conv2d("b", 6, 1, 1, Padding.SAME, Activation.RELU),
        new LayerSpec.Reshape("flat", new int[0]),
        new LayerSpec.Dense("c", 3, Activation.NONE)));
    Problems problems = new Problems();
    Graph graph = GraphBuilder.build(spec, new SeededWeights(1), problems);
    MemoryPlan planned = GreedyPlanner.plan(graph);
    MemoryPlan naive = NaivePlanner.plan(graph);
    List<String> steps = graph.ops().stream().map(Op::name).toList();
    List<String> buffers = new ArrayList<>();
    planned.buffers().forEach(b -> buffers.add("buffer" + b.id()));

    String svg = MemoryTimelineSvg.render("tiny", steps, buffers, List.of(
        new MemoryTimelineSvg.Panel("TinyForge", planned),
        new MemoryTimelineSvg.Panel("baseline", naive)));

    // Parses as XML (names with <, & and > are escaped).
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    int liveBlocks = 0;
    for (int s = 0; s < steps.size(); s++) {
      for (var b : planned.buffers()) {
        liveBlocks += b.isLiveAt(s) ? 1 : 0;
      }
    }
    // Each live buffer once per panel; the baseline also a reserved block per step.
    assertThat(count(svg, "B at arena offset")).isEqualTo(2 * liveBlocks);
    assertThat(count(svg, "reserved, not live")).isEqualTo(steps.size());
    assertThat(svg).contains(String.format("arena %,d B", naive.arenaBytes()));
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
