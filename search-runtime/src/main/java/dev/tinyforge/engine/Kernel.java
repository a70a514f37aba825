package dev.tinyforge.engine;

import java.util.List;

/** The c-runtime kernels, each with the files a firmware folder needs to call it. */
public enum Kernel {
  CONV2D("tforge_conv2d_s8", "src/conv/tforge_conv2d_s8.c", "include/tforge_accumulator.h"),
  DEPTHWISE_CONV2D("tforge_depthwise_conv2d_s8", "src/conv/tforge_depthwise_conv2d_s8.c",
      "include/tforge_accumulator.h"),
  FULLY_CONNECTED("tforge_fully_connected_s8",
      "src/fully_connected/tforge_fully_connected_s8.c", "include/tforge_accumulator.h"),
  AVG_POOL("tforge_avgpool_s8", "src/pooling/tforge_avgpool_s8.c"),
  MAX_POOL("tforge_maxpool_s8", "src/pooling/tforge_maxpool_s8.c"),
  ADD("tforge_add_s8", "src/add/tforge_add_s8.c"),
  SOFTMAX("tforge_softmax_s8", "src/softmax/tforge_softmax_s8.c",
      "include/tforge_fixedpoint_exp.h");

  /** Headers every firmware folder carries. */
  public static final List<String> COMMON_FILES =
      List.of("include/tforge.h", "include/tforge_fixedpoint.h");

  private final String function;
  private final List<String> files;

  Kernel(String function, String... files) {
    this.function = function;
    this.files = List.of(files);
  }

  /** The C function name. */
  public String function() {
    return function;
  }

  /** Paths inside the c-runtime (and under tinyforge/c/ in its jar). */
  public List<String> files() {
    return files;
  }
}
