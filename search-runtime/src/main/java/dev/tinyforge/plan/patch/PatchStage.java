package dev.tinyforge.plan.patch;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.Shape;
import dev.tinyforge.kernels.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Patch-based execution of the first, memory-hungry layers (MCUNetV2, arXiv 2110.15352): the
 * spatial layers {@code first..lastSpatial} run once per patch of a {@code rows x cols} grid of
 * the last layer's output, each patch computing its receptive field (the halo is recomputed), so
 * only patch-sized intermediate tensors are ever live.
 *
 * <p>The stage ends in one of two sinks. {@link Sink#SCATTER}: each patch's output is copied into
 * the stage's full output tensor, which later layers read as usual. {@link Sink#ACCUMULATE}: the
 * stage output (optionally reshaped) feeds a fully connected layer {@code last}, which sums each
 * patch's share into int32 accumulators and requantizes once after the last patch; the stage
 * output is never materialized. Both orders of summation give the same int32, so the result is
 * bit-exact. ACCUMULATE needs whole-row patches ({@code cols == 1}) so that each patch is one
 * contiguous run of the flattened input.
 *
 * @param first the stage's first op
 * @param lastSpatial its last convolution or pooling op
 * @param last {@code lastSpatial} for SCATTER, the fully connected op for ACCUMULATE
 * @param patches row-major over the grid, each with one tile per spatial op
 * @param extraMacs multiply-accumulates of the recomputed halos
 */
public record PatchStage(int first, int lastSpatial, int last, Sink sink, int rows, int cols,
    List<List<Tile>> patches, long extraMacs) {
  public enum Sink {
    SCATTER,
    ACCUMULATE
  }

  public PatchStage {
    patches = patches.stream().map(List::copyOf).toList();
  }

  /** Ops of the stage that are convolutions or pools, in order. */
  public int spatialOps() {
    return lastSpatial - first + 1;
  }

  public boolean contains(int op) {
    return first <= op && op <= last;
  }

  /**
   * Whether patches are whole rows: then a patch's input is a contiguous run of the stage input
   * (no gather copy) and its output a contiguous run of the stage output (no scatter copy).
   */
  public boolean wholeRows() {
    return cols == 1;
  }

  /** The tile of spatial op {@code op} (a graph op index) in patch {@code patch}. */
  public Tile tile(int patch, int op) {
    return patches.get(patch).get(op - first);
  }

  /** The largest output tile of spatial op {@code op}, in bytes. */
  public int largestOutput(Graph graph, int op) {
    int channels = graph.tensor(graph.ops().get(op).output()).shape().c();
    int most = 0;
    for (int p = 0; p < patches.size(); p++) {
      most = Math.max(most, tile(p, op).out().pixels() * channels);
    }
    return most;
  }

  /** The largest input tile of the first op, in bytes: the gather buffer. */
  public int largestInput(Graph graph) {
    int channels = graph.tensor(graph.ops().get(first).inputs().get(0)).shape().c();
    int most = 0;
    for (int p = 0; p < patches.size(); p++) {
      most = Math.max(most, tile(p, first).in().pixels() * channels);
    }
    return most;
  }

  /**
   * The geometry of a stage: splits the last spatial op's output into the grid and walks back
   * through the stage, each layer's input region being what its output region's windows read.
   */
  public static PatchStage of(Graph graph, int first, int lastSpatial, int last, Sink sink,
      int rows, int cols) {
    Shape out = shapeOf(graph, lastSpatial);
    if (rows > out.h() || cols > out.w()) {
      throw new IllegalArgumentException(
          "a " + rows + "x" + cols + " grid does not fit a " + out.h() + "x" + out.w() + " map");
    }
    List<List<Tile>> patches = new ArrayList<>();
    long patchedMacs = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        Region region = new Region(split(out.h(), rows, r), split(out.h(), rows, r + 1),
            split(out.w(), cols, c), split(out.w(), cols, c + 1));
        Tile[] tiles = new Tile[lastSpatial - first + 1];
        for (int op = lastSpatial; op >= first; op--) {
          Op layer = graph.ops().get(op);
          Shape in = graph.tensor(layer.inputs().get(0)).shape();
          Window w = windowOf(layer);
          int y0 = Math.max(0, region.y0() * w.strideH() - w.padTop());
          int y1 = Math.min(in.h(), (region.y1() - 1) * w.strideH() - w.padTop()
              + (w.kernelH() - 1) * w.dilationH() + 1);
          int x0 = Math.max(0, region.x0() * w.strideW() - w.padLeft());
          int x1 = Math.min(in.w(), (region.x1() - 1) * w.strideW() - w.padLeft()
              + (w.kernelW() - 1) * w.dilationW() + 1);
          Region inRegion = new Region(y0, y1, x0, x1);
          tiles[op - first] = new Tile(inRegion, region,
              y0 + w.padTop() - region.y0() * w.strideH(),
              x0 + w.padLeft() - region.x0() * w.strideW());
          patchedMacs += (long) region.pixels() * macsPerPixel(graph, layer);
          region = inRegion;
        }
        patches.add(List.of(tiles));
      }
    }
    long plainMacs = 0;
    for (int op = first; op <= lastSpatial; op++) {
      Shape s = shapeOf(graph, op);
      plainMacs += (long) s.h() * s.w() * macsPerPixel(graph, graph.ops().get(op));
    }
    return new PatchStage(first, lastSpatial, last, sink, rows, cols, patches,
        patchedMacs - plainMacs);
  }

  /** Whether {@code op} can run patch by patch: a convolution or pooling window. */
  public static boolean isSpatial(Op op) {
    return op instanceof Op.Conv2d || op instanceof Op.DepthwiseConv2d
        || op instanceof Op.Pool2d;
  }

  public static Window windowOf(Op op) {
    if (op instanceof Op.Conv2d conv) {
      return conv.window();
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      return dw.window();
    } else if (op instanceof Op.Pool2d pool) {
      return pool.window();
    }
    throw new IllegalArgumentException(op.name() + " is not a windowed op");
  }

  /** Multiply-accumulates per output pixel (all channels), as Macs counts them. */
  private static long macsPerPixel(Graph graph, Op op) {
    Shape out = graph.tensor(op.output()).shape();
    Window w = windowOf(op);
    if (op instanceof Op.Conv2d conv) {
      int inC = graph.tensor(conv.input()).shape().c();
      return (long) out.c() * w.kernelH() * w.kernelW() * inC;
    } else if (op instanceof Op.DepthwiseConv2d) {
      return (long) out.c() * w.kernelH() * w.kernelW();
    }
    return 0;
  }

  private static Shape shapeOf(Graph graph, int op) {
    return graph.tensor(graph.ops().get(op).output()).shape();
  }

  private static int split(int length, int parts, int index) {
    return (int) ((long) length * index / parts);
  }
}
