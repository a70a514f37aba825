/*
 * int8 PAD and PADV2 on a 4-D tensor, TF Lite Micro's reference PadImpl: output elements inside
 * the copied box take their input value, all others pad_value. Pure data movement. Bit-exact with
 * dev.tinyforge.kernels.Pad.
 */
#include <string.h>

#include "tforge.h"

void tforge_pad_s8(const int8_t *input, const int32_t in_shape[4], const int32_t before[4],
                   const int32_t after[4], int8_t pad_value, int8_t *output) {
    const int32_t out_n = before[0] + in_shape[0] + after[0];
    const int32_t out_h = before[1] + in_shape[1] + after[1];
    const int32_t out_w = before[2] + in_shape[2] + after[2];
    const int32_t depth = before[3] + in_shape[3] + after[3];
    int32_t n;
    int32_t h;
    int32_t w;
    int8_t *o = output;
    for (n = 0; n < out_n; n++) {
        const int n_inside = n >= before[0] && n < before[0] + in_shape[0];
        for (h = 0; h < out_h; h++) {
            const int h_inside = n_inside && h >= before[1] && h < before[1] + in_shape[1];
            for (w = 0; w < out_w; w++) {
                if (h_inside && w >= before[2] && w < before[2] + in_shape[2]) {
                    const size_t row =
                        ((((size_t)(n - before[0]) * (size_t)in_shape[1] + (size_t)(h - before[1])) *
                              (size_t)in_shape[2] +
                          (size_t)(w - before[2])) *
                         (size_t)in_shape[3]);
                    memset(o, pad_value, (size_t)before[3]);
                    memcpy(o + before[3], input + row, (size_t)in_shape[3]);
                    memset(o + before[3] + in_shape[3], pad_value, (size_t)after[3]);
                } else {
                    memset(o, pad_value, (size_t)depth);
                }
                o += depth;
            }
        }
    }
}
