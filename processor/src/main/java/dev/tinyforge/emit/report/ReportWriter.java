package dev.tinyforge.emit.report;

import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.plan.Buffer;

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
    j.value("static_ram_bytes", 0);
    j.value("peak_sram_bytes", e.peakSramBytes());
    j.value("peak_sram_note", "arena (input and output included) + static RAM; the stack is"
        + " measured on the target");
    j.value("weights_bytes", e.constantBytes());
    j.value("code_bytes_estimate", e.codeBytesEstimate());
    j.value("flash_bytes_estimate", e.flashBytesEstimate());
    j.value("macs", e.macs());
    j.beginObject("input").value("shape", shape(e, e.graph().input()))
        .value("bytes", e.inputBytes()).value("offset", e.inputOffset())
        .value("scale", e.inputQuant().scale()).value("zero_point", e.inputQuant().zeroPoint())
        .end('}');
    j.beginObject("output").value("shape", shape(e, e.graph().output()))
        .value("bytes", e.outputBytes()).value("offset", e.outputOffset())
        .value("scale", e.outputQuant().scale())
        .value("zero_point", e.outputQuant().zeroPoint()).end('}');
    j.beginArray("layers");
    for (LayerFacts l : e.layers()) {
      j.beginObject(null).value("name", l.name()).value("op", l.op())
          .value("output_shape", l.outputShape()).value("macs", l.macs())
          .value("params", l.params()).value("constant_bytes", l.constantBytes())
          .value("output_offset", l.outputOffset()).value("output_bytes", l.outputBytes())
          .value("bytes_live", l.bytesLive()).end('}');
    }
    j.end(']');
    j.beginArray("buffers");
    for (Buffer b : e.plan().buffers()) {
      j.beginObject(null).value("tensors", b.tensors().stream()
              .map(t -> e.graph().tensor(t).name()).toList())
          .value("offset", e.plan().offsets()[b.id()]).value("bytes", b.size())
          .value("first_step", b.firstStep()).value("last_step", b.lastStep()).end('}');
    }
    j.end(']');
    j.end('}');
    return GeneratedFile.text(GeneratedFile.Kind.FIRMWARE, e.name() + "/report.json",
        j.toString());
  }

  private static int[] shape(Engine e, int tensor) {
    var s = e.graph().tensor(tensor).shape();
    return s.isVector() ? new int[] {s.c()} : new int[] {s.h(), s.w(), s.c()};
  }
}
