/*
 * int8 softmax over the last axis, TF Lite Micro's reference recipe: exp of each scaled
 * difference to the row maximum in fixed point (Q5.26 in, Q0.31 out), the sum of exps in Q12.19,
 * one fixed-point reciprocal of the sum, and each output as exp * reciprocal rounded to 1/256
 * steps; output scale 1/256, zero point -128. Bit-exact with dev.tinyforge.kernels.Softmax.
 *
 * Each row is read completely before its first write, then element c is read just before it is
 * written: output may equal input (in place), but must not partly overlap it.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"
#include "tforge_fixedpoint_exp.h"

enum {
    TFORGE_SOFTMAX_DIFF_INTEGER_BITS = 5, /* Q5.26: differences down to -32 */
    TFORGE_SOFTMAX_SUM_INTEGER_BITS = 12, /* Q12.19: room for 4096 exps of at most 1 */
    TFORGE_SOFTMAX_OUTPUT_BITS = 8
};

/*
 * exp(beta * scale * diff) in Q0. diff >= diff_min keeps diff * 2^left_shift inside int32_t; the
 * shift is done on uint32_t because left_shift may be 31 (then only diff = 0 gets here), where
 * the signed 1 << 31 would be undefined.
 */
static int32_t tforge_softmax_exp_of_diff(int32_t diff, const tforge_softmax_params *p) {
    const int32_t scaled = tforge_sat_rounding_doubling_high_mul(
        tforge_fp_from_bits((uint32_t)diff << p->input_left_shift), p->input_multiplier);
    return tforge_fp_exp_on_negative_values(scaled, TFORGE_SOFTMAX_DIFF_INTEGER_BITS);
}

void tforge_softmax_s8(const int8_t *input, int8_t *output,
                       int32_t rows, int32_t depth, const tforge_softmax_params *p) {
    int32_t row;
    for (row = 0; row < rows; row++) {
        const int8_t *in = input + row * depth;
        int8_t *out = output + row * depth;
        int32_t max = INT8_MIN;
        int32_t sum_of_exps = 0;
        int32_t c;
        for (c = 0; c < depth; c++) {
            max = in[c] > max ? in[c] : max;
        }
        for (c = 0; c < depth; c++) {
            const int32_t diff = in[c] - max;
            if (diff >= p->diff_min) {
                /* Wrapping add: only a row of more than 4096 logits could overflow here. */
                sum_of_exps = tforge_fp_wrapping_add(
                    sum_of_exps, tforge_fp_rescale(tforge_softmax_exp_of_diff(diff, p), 0,
                                                   TFORGE_SOFTMAX_SUM_INTEGER_BITS));
            }
        }
        {
            /* sum = 2^bits_over_unit * (1 + f), f in [0, 1): the reciprocal is of (1 + f). The
             * row maximum contributes 2^19, so the sum is positive and headroom is 1..12. */
            const int32_t headroom_plus_one = tforge_fp_count_leading_zeros((uint32_t)sum_of_exps);
            const int32_t bits_over_unit = TFORGE_SOFTMAX_SUM_INTEGER_BITS - headroom_plus_one;
            const int32_t fraction_above_one = tforge_fp_from_bits(
                ((uint32_t)sum_of_exps << headroom_plus_one) - 0x80000000u);
            const int32_t reciprocal = tforge_fp_one_over_one_plus_x(fraction_above_one);
            int32_t exponent = bits_over_unit + 31 - TFORGE_SOFTMAX_OUTPUT_BITS;
            /* TFLM stops on a failed check past 31 (a sum of 2^28 or more: about 512 or more
             * near-maximal logits); clamping keeps the shift defined. */
            exponent = exponent > 31 ? 31 : exponent;
            for (c = 0; c < depth; c++) {
                const int32_t diff = in[c] - max;
                int32_t result = INT8_MIN;
                if (diff >= p->diff_min) {
                    const int32_t probability = tforge_rounding_divide_by_pot(
                        tforge_sat_rounding_doubling_high_mul(reciprocal,
                                                              tforge_softmax_exp_of_diff(diff, p)),
                        exponent);
                    result = tforge_clamp(probability + INT8_MIN, INT8_MIN, INT8_MAX);
                }
                out[c] = (int8_t)result;
            }
        }
    }
}
