package dev.tinyforge.diag;

import java.util.Locale;

/**
 * The one catalogue of TinyForge's diagnostics. Each has a stable id that users can search for
 * and tests assert on; the text says what is wrong and what to do.
 */
public enum Message {
  CUSTOM_BOARD("TinyModel/CustomBoard",
      "board CUSTOM needs its figures: set sramKb, flashKb and clockMhz (e.g. sramKb = 256,"
          + " flashKb = 1024, clockMhz = 64)"),
  SRAM_KB("TinyModel/SramKb",
      "sramKb must be a positive number of KiB, got %d; leave it out to use the %s's %d KiB"),
  FLASH_KB("TinyModel/FlashKb",
      "flashKb must be a positive number of KiB, got %d; leave it out to use the %s's %d KiB"),
  CLOCK_MHZ("TinyModel/ClockMhz", "clockMhz must be a positive number of MHz, got %d"),
  INPUT_SHAPE("TinyModel/InputShape",
      "%s; give input = {height, width, channels} or input = {features}, each at least 1"),
  INPUT_QUANT("TinyModel/InputQuant", "%s"),
  MODEL_NAME("TinyModel/Name",
      "name \"%s\" is not a C identifier: use letters, digits and '_', not starting with a digit"
          + " (and not a C keyword)"),
  DUPLICATE_NAME("TinyModel/DuplicateName",
      "the C name \"%s\" is already used by %s; give one of them another name = \"...\""),
  NO_LAYERS("TinyModel/NoLayers",
      "%s declares no layers: add fields of type Layer annotated with @Conv2D, @Dense, ..."),
  LAYER_PARAMETER("Layer/Parameter", "%s '%s': %s must be at least %d, got %d"),
  LAYER_ANNOTATIONS("Layer/TwoAnnotations",
      "field '%s' carries %s: a layer field takes exactly one layer annotation"),
  SHAPE_MISMATCH("Layer/ShapeMismatch", "%s '%s' cannot take its input: %s"),
  KERNEL_TOO_LARGE("Layer/KernelTooLarge",
      "%s '%s': a %dx%d window does not fit the %s input padded to %dx%d; use padding = SAME,"
          + " a smaller kernel, or apply it earlier where the input is larger"),
  UNKNOWN_REFERENCE("Layer/UnknownReference",
      "add '%s': with = \"%s\" names no earlier layer; it can name \"input\" or one of: %s"),
  SRAM_BUDGET("TinyModel/SramBudget",
      "the model needs %s of SRAM but %s has %s (over by %s); the peak is at layer '%s' (%s live)."
          + " Levers: %s; shrink that layer (a smaller width multiplier: fewer channels, an earlier"
          + " stride) or the input resolution; or choose a board with more SRAM"),
  PATCH_OPTION("TinyModel/PatchOption",
      "-Atinyforge.patchMacOverhead=%s is not a fraction: give the extra MACs patch-based"
          + " execution may cost (e.g. 0.2 for 20%%), or off to disable it"),
  FLASH_BUDGET("TinyModel/FlashBudget",
      "the model needs %s of flash (weights %s, code about %s) but %s has %s (over by %s);"
          + " the largest layer is '%s' (%s of weights). Use fewer channels or units"),
  WEIGHTS_MALFORMED("Weights/Malformed",
      "weights file %s is malformed: %s. Write it again with the training step, or remove it to"
          + " build with seeded weights"),
  WEIGHTS_MISMATCH("Weights/Mismatch",
      "weights file %s does not match the model: %s. Train the model again or fix the declaration"),
  WEIGHTS_SEEDED("Weights/Seeded",
      "no weights file %s: the model is built with deterministic seeded weights (seed %d); it runs"
          + " but predicts nothing useful until trained weights are supplied"),
  TFLITE_SUBGRAPHS("Tflite/Subgraphs",
      "the model has %d subgraphs; TinyForge imports models with exactly one (control flow such as"
          + " IF, WHILE or CALL_ONCE is not supported)"),
  TFLITE_INPUTS_OUTPUTS("Tflite/InputsOutputs",
      "the model has %d inputs and %d outputs; TinyForge imports models with one input tensor and"
          + " one output tensor"),
  TFLITE_NOT_INT8("Tflite/NotInt8",
      "%s is %s, not int8%s; TinyForge imports fully int8 quantized models (int8 activations and"
          + " weights, int32 biases): convert with full-integer quantization and"
          + " inference_input_type = inference_output_type = tf.int8"),
  TFLITE_UNSUPPORTED_OP("Tflite/UnsupportedOp",
      "operator %d is %s, which TinyForge does not support; it imports %s"),
  TFLITE_UNSUPPORTED_USE("Tflite/UnsupportedUse", "%s: %s"),
  TFLITE_DYNAMIC_SHAPE("Tflite/DynamicShape",
      "tensor %d '%s' has the shape signature %s: its size is only known at run time; TinyForge"
          + " needs every shape fixed at compile time: convert with a fixed input shape and"
          + " batch size 1"),
  TFLITE_SHAPE("Tflite/Shape", "%s"),
  TFLITE_QUANTIZATION("Tflite/Quantization", "%s"),
  TFLITE_MISSING("Tflite/Missing", "cannot read the TFLite model %s: %s"),
  TFLITE_MALFORMED("Tflite/Malformed",
      "the TFLite model %s is malformed: %s. Export it again with the TFLite converter"),
  TFLITE_CONFLICT("TinyModel/TfliteConflict",
      "%s is imported from tflite = \"%s\", which gives its layers, input shape and quantization,"
          + " but it also declares %s; remove them, or remove tflite"),
  SEARCH_CONFLICT("TinyModel/SearchConflict",
      "%s is searched (@SearchSpace), which chooses its layers, input and weights, but it also"
          + " declares %s; remove them, or remove @SearchSpace"),
  SEARCH_SPACE("SearchSpace/Invalid", "%s"),
  SEARCH_CACHE_MISSING("Search/CacheMissing",
      "no search result %s beside %s: javac reads TinyNAS results and never trains. Run the"
          + " search once and commit what it writes: %s (or compile with"
          + " -Atinyforge.search=stage1 to build the largest network stage 1 finds, untrained)"),
  SEARCH_CACHE_STALE("Search/CacheStale",
      "the search result %s is stale: %s. Refresh it with: %s"),
  SEARCH_CACHE_CORRUPT("Search/CacheCorrupt",
      "the search result %s cannot be used: %s. Write it again with: %s"),
  SEARCH_BUDGET("Search/Budget", "%s"),
  SEARCH_STAGE1_ONLY("Search/Stage1Only",
      "no trained search result %s (%s): built from stage 1 alone, the largest network that fits"
          + " (width %s, resolution %d, %,d MACs), with seeded untrained weights (seed %d); it"
          + " predicts nothing useful. Train it with: %s"),
  CLI_USAGE("Cli/Usage", "%s. Run '%s --help' for the options"),
  CLI_BOARD("Cli/Board", "unknown board \"%s\"; use one of %s (CUSTOM with --sram-kb,"
      + " --flash-kb and --clock-mhz)"),
  CLI_CUSTOM_BOARD("Cli/CustomBoard",
      "board CUSTOM needs its figures: give --sram-kb, --flash-kb and --clock-mhz (e.g."
          + " --sram-kb 256 --flash-kb 1024 --clock-mhz 64)"),
  CLI_FIGURE("Cli/Figure", "%s must be a positive number, got %d; leave it out to use the"
      + " board's figure"),
  CLI_OUTPUT_EXISTS("Cli/OutputExists",
      "the output folder %s exists and is not empty; choose another --out, or add --force to"
          + " replace it"),
  CLI_DATA("Cli/Data", "%s"),
  CLI_SEARCH("Cli/Search", "%s"),
  CLI_OUTPUT("Cli/Output", "cannot write the output folder %s: %s; nothing was written"),
  NOT_A_CLASS("TinyModel/NotAClass",
      "@TinyModel goes on a class whose Layer fields declare the layers; %s is a %s"),
  INTERNAL("TinyForge/Internal",
      "TinyForge failed on this model (%s); nothing was written for it. Please report this");

  private final String id;
  private final String template;

  Message(String id, String template) {
    this.id = id;
    this.template = template;
  }

  public String id() {
    return id;
  }

  /** The full text: {@code [id] what is wrong and what to do}. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(Locale.ROOT, template, args);
  }
}
