/*
 * Standalone int8 RELU, TF Lite Micro's ReluQuantized: (x - input zp) requantized to the output
 * scale, plus the output zero point, clamped at [act_min, act_max] (act_min = the output zero
 * point). Element-wise: output may be exactly input. Bit-exact with dev.tinyforge.kernels.Relu.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"

void tforge_relu_s8(const int8_t *input, int8_t *output, int32_t size,
                    const tforge_relu_params *p) {
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t value =
            p->output_zero_point + tforge_requantize((int32_t)input[i] - p->input_zero_point,
                                                     p->output_multiplier, p->output_shift);
        output[i] = (int8_t)tforge_clamp(value, p->act_min, p->act_max);
    }
}
