/*
 * DEQUANTIZE int8 -> float32, TF Lite Micro's reference Dequantize: (q - zp) * scale with the
 * scale widened to double, the product rounded to float. Bit-exact with
 * dev.tinyforge.kernels.Quantize.dequantize.
 */
#include "tforge.h"

void tforge_dequantize_s8_f32(const int8_t *input, float *output, int32_t size, float scale,
                              int32_t zero_point) {
    int32_t i;
    for (i = 0; i < size; i++) {
        output[i] = (float)((double)scale * (double)((int32_t)input[i] - zero_point));
    }
}
