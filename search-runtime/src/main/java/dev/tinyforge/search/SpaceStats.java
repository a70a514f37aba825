package dev.tinyforge.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Stage 1's figures for one (width, resolution) space: how many of the sampled networks fit
 * the budgets, the mean MACs of those that fit, and their MAC distribution as 101 quantiles
 * ({@code macQuantiles.get(k)} = the smallest MACs that k% of the fitting networks do not
 * exceed; empty when none fits). The smallest peak SRAM and flash of all samples say how far
 * off a space is when nothing fits.
 */
@JsonIgnoreProperties(value = {"fittingFraction", "label"}, allowGetters = true)
public record SpaceStats(
    double width,
    int resolution,
    int samples,
    int fitting,
    double meanMacs,
    long minPeakSramBytes,
    long minFlashBytes,
    List<Long> macQuantiles) {
  public SpaceStats {
    macQuantiles = List.copyOf(macQuantiles);
  }

  @JsonProperty
  public double fittingFraction() {
    return samples == 0 ? 0 : (double) fitting / samples;
  }

  /** A short label as in MCUNet's Fig. 3: {@code w0.3-r160}. */
  @JsonProperty
  public String label() {
    return "w" + width + "-r" + resolution;
  }
}
