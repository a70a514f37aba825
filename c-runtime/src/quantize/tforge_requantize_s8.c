/*
 * QUANTIZE int8 -> int8, TF Lite Micro's reference Requantize: zero point removed, one
 * fixed-point multiply, output zero point, int8 clamp. Element-wise: output may be exactly input.
 * Bit-exact with dev.tinyforge.kernels.Quantize.requantize.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"

void tforge_requantize_s8(const int8_t *input, int8_t *output, int32_t size,
                          const tforge_requantize_params *p) {
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t value = tforge_requantize((int32_t)input[i] - p->input_zero_point,
                                                p->multiplier, p->shift) +
                              p->output_zero_point;
        output[i] = (int8_t)tforge_clamp(value, INT8_MIN, INT8_MAX);
    }
}
