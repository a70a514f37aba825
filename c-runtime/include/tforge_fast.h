/*
 * TinyForge C runtime: the specialized int8 MAC kernels the processor picks per layer when the
 * layer's shape allows (tforge.h's reference kernels run everything else). Each has a portable
 * C99 path and a Cortex-M DSP path (__ARM_FEATURE_DSP), bit-exact with the reference kernel.
 *
 * folded_bias[c] = bias[c] + input_offset * (sum of output channel c's weights), wrapped to 32
 * bits, computed at compile time (see tforge_gemm_s8.h); rq->input_offset is then not read,
 * except by tforge_depthwise_conv2d_3x3_s8 at the borders. The multipliers must not be
 * INT32_MIN and the shifts must lie in [-31, 30] (true of every TF Lite Q31 multiplier).
 */
#ifndef TFORGE_FAST_H
#define TFORGE_FAST_H

#include "tforge.h"

/* 1x1 convolution, stride 1, no padding, over `pixels` pixels; filter [out_c][in_c]. */
void tforge_conv2d_1x1_s8(const int8_t *input, int32_t pixels, int32_t in_c,
                          const int8_t *filter, const int32_t *folded_bias,
                          int8_t *output, int32_t out_c, const tforge_requant *rq);

/* Scratch bytes tforge_conv2d_im2col_s8 needs in `cols`: two windows. */
int32_t tforge_conv2d_im2col_s8_get_buffer_size(const tforge_dims *in, const tforge_window *win);

/* Any convolution window (filter [out_c][kernel_h][kernel_w][in_c]) through im2col columns. */
void tforge_conv2d_im2col_s8(const int8_t *input, const tforge_dims *in,
                             const int8_t *filter, const int32_t *folded_bias,
                             int8_t *output, const tforge_dims *out,
                             const tforge_window *win, const tforge_requant *rq, int8_t *cols);

/* Fully connected; weights [out_depth][in_depth]. */
void tforge_fully_connected_fast_s8(const int8_t *input, int32_t in_depth,
                                    const int8_t *weights, const int32_t *folded_bias,
                                    int8_t *output, int32_t out_depth,
                                    const tforge_requant *rq);

/*
 * Depthwise 3x3, depth multiplier 1, dilation 1, any stride and padding; filter [3][3][c].
 * Output must not overlap input.
 */
void tforge_depthwise_conv2d_3x3_s8(const int8_t *input, const tforge_dims *in,
                                    const int8_t *filter, const int32_t *folded_bias,
                                    int8_t *output, const tforge_dims *out, int32_t stride_h,
                                    int32_t stride_w, int32_t pad_top, int32_t pad_left,
                                    const tforge_requant *rq);

#endif
