/*
 * Block copy between two row strides: gathers a patch (with its halo) out of a full feature map
 * and scatters an output tile back. Bit-exact with the Java mirror's CopyBlock.
 */
#include <string.h>

#include "tforge_patch.h"

void tforge_copy_block_s8(const int8_t *src, int32_t src_stride, int8_t *dst,
                          int32_t dst_stride, int32_t rows, int32_t row_bytes) {
    int32_t r;
    for (r = 0; r < rows; ++r) {
        memcpy(dst + (size_t)r * (size_t)dst_stride, src + (size_t)r * (size_t)src_stride,
               (size_t)row_bytes);
    }
}
