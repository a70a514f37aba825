/*
 * int8 element-wise multiplication, TF Lite Micro's reference MulElementwise: the product of the
 * two offset inputs (at most 255 * 255 in magnitude) is requantized, offset and clamped. Element
 * i is read before it is written, so output may be exactly input1 or input2. Bit-exact with
 * dev.tinyforge.kernels.Mul.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"

void tforge_mul_s8(const int8_t *input1, const int8_t *input2, int8_t *output,
                   int32_t size, const tforge_mul_params *p) {
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t product = (p->input1_offset + input1[i]) * (p->input2_offset + input2[i]);
        const int32_t result =
            tforge_requantize(product, p->output_multiplier, p->output_shift) + p->output_offset;
        output[i] = (int8_t)tforge_clamp(result, p->act_min, p->act_max);
    }
}
