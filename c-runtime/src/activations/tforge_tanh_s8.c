/*
 * int8 TANH, TF Lite Micro's reference_integer_ops::Tanh: the input in Q4 goes through
 * gemmlowp's fixed-point tanh (a Q0 result), rounded to steps of 1/128 (output zero point 0).
 * Element-wise: output may be exactly input. Bit-exact with
 * dev.tinyforge.kernels.Tanh.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"
#include "tforge_fixedpoint_exp.h"

void tforge_tanh_s8(const int8_t *input, int8_t *output, int32_t size,
                        const tforge_sigmoid_params *p) {
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t x = (int32_t)input[i] - p->input_zero_point;
        if (x <= -p->input_range_radius) {
            output[i] = INT8_MIN;
        } else if (x >= p->input_range_radius) {
            output[i] = INT8_MAX;
        } else {
            /* |x| < radius keeps x << input_left_shift inside int32 */
            const int32_t in_q4 = tforge_requantize(x, p->input_multiplier, p->input_left_shift);
            const int32_t out_q0 = tforge_fp_tanh(in_q4, 4);
            output[i] = (int8_t)tforge_clamp(tforge_rounding_divide_by_pot(out_q0, 24),
                                             INT8_MIN, INT8_MAX);
        }
    }
}
