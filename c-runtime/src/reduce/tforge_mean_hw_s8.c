/*
 * int8 MEAN over height and width, TF Lite Micro's QuantizedMeanOrSum for axes [1, 2] of an
 * NHWC tensor with batch 1: int32 sum per channel, minus input_zero_point * count, one
 * fixed-point multiply (1/count folded into it at compile time), output zero point, int8 clamp.
 * Bit-exact with dev.tinyforge.kernels.Mean.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"

void tforge_mean_hw_s8(const int8_t *input, const tforge_dims *in, int8_t *output,
                       const tforge_mean_params *p) {
    const int32_t pixels = in->h * in->w;
    const int32_t depth = in->c;
    int32_t c;
    int32_t i;
    for (c = 0; c < depth; c++) {
        int32_t sum = 0;
        int32_t result;
        for (i = 0; i < pixels; i++) {
            sum += input[(size_t)i * (size_t)depth + (size_t)c];
        }
        result = tforge_requantize(
                     (int32_t)((int64_t)sum - (int64_t)p->input_zero_point * p->count),
                     p->multiplier, p->shift) +
                 p->output_zero_point;
        output[c] = (int8_t)tforge_clamp(result, INT8_MIN, INT8_MAX);
    }
}
