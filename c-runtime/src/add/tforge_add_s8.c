/*
 * int8 element-wise addition, TF Lite Micro's reference recipe (AddFunc): each input, zero point
 * removed, is shifted left by p->left_shift (20: headroom for the rescaling) and scaled to the
 * common scale; the sum is requantized to the output, offset and clamped. Element i is read
 * before it is written, so output may be exactly input1 or input2 (in place). Bit-exact with
 * dev.tinyforge.kernels.Add.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"

void tforge_add_s8(const int8_t *input1, const int8_t *input2, int8_t *output,
                   int32_t size, const tforge_add_params *p) {
    /* Multiplying, not shifting: a negative value shifted left is undefined in C99; the
     * product, at most 255 * 2^20 in magnitude, fits in int32_t. */
    const int32_t headroom = (int32_t)1 << p->left_shift;
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t a = (p->input1_offset + input1[i]) * headroom;
        const int32_t b = (p->input2_offset + input2[i]) * headroom;
        const int32_t scaled_a = tforge_requantize(a, p->input1_multiplier, p->input1_shift);
        const int32_t scaled_b = tforge_requantize(b, p->input2_multiplier, p->input2_shift);
        const int32_t result =
            tforge_requantize(scaled_a + scaled_b, p->output_multiplier, p->output_shift) +
            p->output_offset;
        output[i] = (int8_t)tforge_clamp(result, p->act_min, p->act_max);
    }
}
