/*
 * QUANTIZE float32 -> int8, TF Lite Micro's AffineQuantize: the division in float, roundf (half
 * away from zero), plus the zero point, clamped. Values are limited before the conversion to an
 * integer, where the reference's own cast would be undefined; NaN maps to the zero point.
 * Bit-exact with dev.tinyforge.kernels.Quantize.fromFloat.
 */
#include <math.h>

#include "tforge.h"
#include "tforge_fixedpoint.h"

void tforge_quantize_f32_s8(const float *input, int8_t *output, int32_t size, float scale,
                            int32_t zero_point) {
    int32_t i;
    for (i = 0; i < size; i++) {
        const float scaled = input[i] / scale;
        float rounded = roundf(scaled);
        int32_t value;
        if (rounded != rounded) {
            rounded = 0.0f;
        }
        rounded = rounded > 1e9f ? 1e9f : (rounded < -1e9f ? -1e9f : rounded);
        value = (int32_t)rounded + zero_point;
        output[i] = (int8_t)tforge_clamp(value, INT8_MIN, INT8_MAX);
    }
}
