package dev.tinyforge.emit.report;

import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.Step;
import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.plan.Buffer;
import dev.tinyforge.plan.Decisions;
import dev.tinyforge.plan.InPlace;
import dev.tinyforge.plan.patch.PatchSearch;
import dev.tinyforge.plan.patch.PatchStage;
import java.util.HashMap;
import java.util.Map;

/** Writes {@code report.json}: the model's budgets, memory and cost figures, layer by layer. */
public final class ReportWriter {
  private ReportWriter() {}

  public static GeneratedFile write(Engine e) {
    Json j = new Json().beginObject(null);
    j.value("model", e.name());
    j.value("board", e.budget().board());
    j.value("core", e.budget().core());
    j.value("clock_mhz", e.budget().clockMhz());
    j.value("sram_budget_bytes", e.budget().sramBytes());
    j.value("flash_budget_bytes", e.budget().flashBytes());
    j.value("arena_bytes", e.arenaBytes());
    j.value("static_ram_bytes", e.scratchBytes());
    j.value("peak_sram_bytes", e.peakSramBytes());
    j.value("peak_sram_note", "arena (input and output included) + static RAM (the scratch"
        + " buffer); the stack is measured on the target");
    j.value("weights_bytes", e.constantBytes());
    j.value("code_bytes_estimate", e.codeBytesEstimate());
    j.value("flash_bytes_estimate", e.flashBytesEstimate());
    j.value("macs", e.macs());
    j.value("kernels", e.fastKernels() ? "specialized where they apply, reference elsewhere"
        : "reference only: the specialized kernels' code would not fit the budget");
    j.beginObject("input").value("shape", shape(e, e.graph().input()))
        .value("bytes", e.inputBytes()).value("offset", e.inputOffset())
        .value("scale", e.inputQuant().scale()).value("zero_point", e.inputQuant().zeroPoint())
        .end('}');
    j.beginObject("output").value("shape", shape(e, e.graph().output()))
        .value("bytes", e.outputBytes()).value("offset", e.outputOffset())
        .value("scale", e.outputQuant().scale())
        .value("zero_point", e.outputQuant().zeroPoint()).end('}');
    memoryPlan(j, e);
    Map<String, String> kernels = kernels(e);
    j.beginArray("layers");
    for (LayerFacts l : e.layers()) {
      j.beginObject(null).value("name", l.name()).value("op", l.op())
          .value("output_shape", l.outputShape()).value("kernel", kernels.get(l.name()))
          .value("macs", l.macs())
          .value("params", l.params()).value("constant_bytes", l.constantBytes())
          .value("output_offset", l.outputOffset()).value("output_bytes", l.outputBytes())
          .value("bytes_live", l.bytesLive()).end('}');
    }
    j.end(']');
    j.beginArray("buffers");
    for (Buffer b : e.plan().buffers()) {
      j.beginObject(null).value("tensors", b.tensors().stream()
              .map(t -> e.graph().tensor(t).name()).toList());
      if (b.isWorking()) {
        j.value("working", b.label());
      }
      j.value("offset", e.plan().offsets()[b.id()]).value("bytes", b.size())
          .value("first_step", b.firstStep()).value("last_step", b.lastStep()).end('}');
    }
    j.end(']');
    j.end('}');
    return GeneratedFile.text(GeneratedFile.Kind.FIRMWARE, e.name() + "/report.json",
        j.toString());
  }

  /**
   * The planner's choices: in-place ops, scratch, and the patch plan with how it was chosen.
   * A layer whose output_offset is -1 is inside the patch-based stage: its output exists only
   * tile by tile, in the working buffers listed under "buffers".
   */
  private static void memoryPlan(Json j, Engine e) {
    Decisions d = e.plan().decisions();
    j.beginObject("memory_plan");
    j.beginArray("in_place");
    for (InPlace op : d.inPlace()) {
      j.beginObject(null).value("layer", op.layer())
          .value("overwrites", e.graph().tensor(op.input()).name()).end('}');
    }
    j.end(']');
    j.value("scratch_bytes", e.scratchBytes());
    j.value("scratch_note", "one static buffer shared by every layer, sized for the largest need"
        + " (im2col columns); the patch stage's tiles are planned buffers (see"
        + " buffers[].working)");
    if (d.search().isPresent()) {
      PatchSearch s = d.search().get();
      j.beginObject("patch_search").value("mac_overhead_bound", s.bound())
          .value("candidates", s.candidates()).value("within_bound", s.withinBound())
          .value("arena_bytes_without_patches", s.arenaWithout())
          .value("arena_bytes_with_patches", s.arenaWith()).end('}');
    } else {
      j.value("patch_search", "off");
    }
    if (d.stage().isPresent()) {
      PatchStage stage = d.stage().get();
      var ops = e.graph().ops();
      long macs = d.search().map(PatchSearch::modelMacs).orElse(e.macs());
      j.beginObject("patch_plan").value("first_layer", ops.get(stage.first()).name())
          .value("last_layer", ops.get(stage.last()).name())
          .value("sink", stage.sink().name().toLowerCase(java.util.Locale.ROOT))
          .value("grid", new int[] {stage.rows(), stage.cols()})
          .value("patches", stage.patches().size())
          .value("extra_macs", stage.extraMacs())
          .value("mac_overhead", macs == 0 ? 0.0
              : Math.round(1e4 * stage.extraMacs() / (double) macs) / 1e4)
          .end('}');
    } else {
      j.value("patch_plan", "none");
    }
    j.end('}');
  }

  /** The C function each layer runs with (inside a patch stage, every patch calls the same). */
  private static Map<String, String> kernels(Engine e) {
    Map<String, String> kernels = new HashMap<>();
    for (Step step : e.steps()) {
      for (Step call : step.calls()) {
        if (!(call instanceof Step.CopyBlock)) {
          kernels.putIfAbsent(call.layer(), e.function(call));
        }
      }
    }
    return kernels;
  }

  private static int[] shape(Engine e, int tensor) {
    var s = e.graph().tensor(tensor).shape();
    return s.isVector() ? new int[] {s.c()} : new int[] {s.h(), s.w(), s.c()};
  }
}
