/*
 * Standalone int8 RELU6, TF Lite Micro's Relu6Quantized: a clamp of the input codes to
 * [lower, upper], no requantization. Element-wise: output may be exactly input. Bit-exact with
 * dev.tinyforge.kernels.Relu.run6.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"

void tforge_relu6_s8(const int8_t *input, int8_t *output, int32_t size,
                     int32_t lower, int32_t upper) {
    int32_t i;
    for (i = 0; i < size; i++) {
        output[i] = (int8_t)tforge_clamp(input[i], lower, upper);
    }
}
