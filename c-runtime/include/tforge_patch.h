/*
 * TinyForge C runtime: the kernels of patch-based execution (MCUNetV2). A patched stage runs its
 * layers' ordinary kernels on patch-sized tiles; these move tiles between full feature maps and
 * tile buffers, and feed a fully connected layer one patch at a time.
 */
#ifndef TFORGE_PATCH_H
#define TFORGE_PATCH_H

#include "tforge.h"

/* Copies rows x row_bytes between two row strides (gather a patch, scatter a tile). */
void tforge_copy_block_s8(const int8_t *src, int32_t src_stride, int8_t *dst,
                          int32_t dst_stride, int32_t rows, int32_t row_bytes);

/*
 * Fully connected over input elements [first_column, first_column + columns) only: adds their
 * products to acc[out_depth] (which it zeroes first when is_first); when is_last, adds the bias,
 * requantizes and writes output[out_depth] instead. in_depth is the weights' row stride.
 */
void tforge_fully_connected_partial_s8(const int8_t *input, int32_t columns,
                                       int32_t first_column, int32_t in_depth,
                                       const int8_t *weights, const int32_t *bias,
                                       int32_t *acc, int8_t *output, int32_t out_depth,
                                       int32_t is_first, int32_t is_last,
                                       const tforge_requant *rq);

#endif
