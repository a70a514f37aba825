package dev.tinyforge.engine;

import java.util.List;

/** The c-runtime kernels, each with the files a firmware folder needs to call it. */
public enum Kernel {
  CONV2D("tforge_conv2d_s8", "src/conv/tforge_conv2d_s8.c", "include/tforge_accumulator.h"),
  DEPTHWISE_CONV2D("tforge_depthwise_conv2d_s8", "src/conv/tforge_depthwise_conv2d_s8.c",
      "include/tforge_accumulator.h"),
  DEPTHWISE_CONV2D_IN_PLACE("tforge_depthwise_conv2d_in_place_s8",
      "src/conv/tforge_depthwise_conv2d_in_place_s8.c", "include/tforge_accumulator.h"),
  FULLY_CONNECTED("tforge_fully_connected_s8",
      "src/fully_connected/tforge_fully_connected_s8.c", "include/tforge_accumulator.h"),
  AVG_POOL("tforge_avgpool_s8", "src/pooling/tforge_avgpool_s8.c"),
  MAX_POOL("tforge_maxpool_s8", "src/pooling/tforge_maxpool_s8.c"),
  ADD("tforge_add_s8", "src/add/tforge_add_s8.c"),
  SOFTMAX("tforge_softmax_s8", "src/softmax/tforge_softmax_s8.c",
      "include/tforge_fixedpoint_exp.h"),
  MUL("tforge_mul_s8", "src/mul/tforge_mul_s8.c"),
  MUL_BROADCAST("tforge_mul_broadcast_s8", "src/mul/tforge_mul_broadcast_s8.c"),
  PAD("tforge_pad_s8", "src/pad/tforge_pad_s8.c"),
  CONCATENATION("tforge_concatenation_s8", "src/concat/tforge_concatenation_s8.c"),
  MEAN_HW("tforge_mean_hw_s8", "src/reduce/tforge_mean_hw_s8.c"),
  LOGISTIC("tforge_logistic_s8", "src/activations/tforge_logistic_s8.c",
      "include/tforge_fixedpoint_exp.h"),
  TANH("tforge_tanh_s8", "src/activations/tforge_tanh_s8.c", "include/tforge_fixedpoint_exp.h"),
  HARD_SWISH("tforge_hard_swish_s8", "src/activations/tforge_hard_swish_s8.c"),
  RELU("tforge_relu_s8", "src/activations/tforge_relu_s8.c"),
  RELU6("tforge_relu6_s8", "src/activations/tforge_relu6_s8.c"),
  REQUANTIZE("tforge_requantize_s8", "src/quantize/tforge_requantize_s8.c"),
  COPY_BLOCK("tforge_copy_block_s8", "src/patch/tforge_copy_block_s8.c",
      "include/tforge_patch.h"),
  FULLY_CONNECTED_PARTIAL("tforge_fully_connected_partial_s8",
      "src/fully_connected/tforge_fully_connected_partial_s8.c", "include/tforge_patch.h",
      "include/tforge_accumulator.h");

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
