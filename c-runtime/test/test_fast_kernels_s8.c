/*
 * The specialized MAC kernels of tforge_fast.h against the reference kernels of tforge.h, on
 * thousands of random layers: every output byte must be equal. The folded biases are computed
 * here the way the processor computes them. Static buffers only (no malloc), so the same file
 * also runs bare-metal under QEMU on Cortex-M7 and Cortex-M4, where the DSP paths are compiled
 * (FastKernelsOnTargetsTest in the processor module).
 */
#include <string.h>

#include "tforge.h"
#include "tforge_fast.h"
#include "tforge_gemm_s8.h"
#include "tforge_test.h"

#ifndef FAST_CASES
#define FAST_CASES 1200
#endif
#define MAX_BYTES 16384
#define MAX_CHANNELS 96

static uint32_t rng_state = 0x9E3779B9u;

static uint32_t next_u32(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static int32_t uniform(int32_t lo, int32_t hi) {
    return lo + (int32_t)(next_u32() % (uint32_t)(hi - lo + 1));
}

static int8_t input[MAX_BYTES];
static int8_t filter[MAX_BYTES];
static int8_t expected[MAX_BYTES];
static int8_t actual[MAX_BYTES];
static int8_t cols[MAX_BYTES];
static int32_t bias[MAX_CHANNELS];
static int32_t folded[MAX_CHANNELS];
static int32_t multiplier[MAX_CHANNELS];
static int32_t shift[MAX_CHANNELS];

static void fill(int8_t *p, int32_t n) {
    int32_t i;
    for (i = 0; i < n; ++i) {
        p[i] = (int8_t)uniform(-128, 127);
    }
}

/* Random requantization; biases now and then near the int32 limits so that sums wrap. */
static tforge_requant random_requant(int32_t channels, int with_bias) {
    tforge_requant rq;
    const int32_t a = uniform(-128, 127);
    const int32_t b = uniform(-128, 127);
    const int full_range = uniform(0, 1);
    const int huge = uniform(0, 7) == 0;
    int32_t i;
    for (i = 0; i < channels; ++i) {
        multiplier[i] = (int32_t)((uint32_t)0x40000000u + (next_u32() & 0x3FFFFFFFu));
        shift[i] = uniform(0, 9) == 0 ? uniform(-31, 4) : uniform(-14, 1);
        bias[i] = !with_bias ? 0 : huge ? (int32_t)next_u32() : uniform(-100000, 100000);
    }
    rq.input_offset = uniform(-127, 128);
    rq.output_offset = uniform(-128, 127);
    rq.act_min = full_range ? -128 : (a < b ? a : b);
    rq.act_max = full_range ? 127 : (a < b ? b : a);
    rq.multiplier = multiplier;
    rq.shift = shift;
    return rq;
}

/* folded[c] = bias[c] + input_offset * sum of channel c's `per_channel` weights (stride apart). */
static void fold(const int8_t *weights, int32_t channels, int32_t per_channel, int32_t channel_step,
                 int32_t tap_step, int32_t input_offset) {
    int32_t c;
    int32_t i;
    for (c = 0; c < channels; ++c) {
        uint32_t sum = 0;
        for (i = 0; i < per_channel; ++i) {
            sum += (uint32_t)(int32_t)weights[c * channel_step + i * tap_step];
        }
        folded[c] = (int32_t)((uint32_t)bias[c] + (uint32_t)input_offset * sum);
    }
}

static int32_t output_extent(int32_t in, int32_t kernel, int32_t stride, int32_t dilation,
                             int32_t pad) {
    const int32_t span = (kernel - 1) * dilation + 1;
    const int32_t n = (in + 2 * pad - span) / stride + 1;
    return n < 1 ? 1 : n;
}

static void requantize_fast_equals_reference(void) {
    static const int32_t edges[] = {0, 1, -1, 2, -2, 0x3FFFFFFF, -0x40000000, 0x7FFFFFFF,
                                    (-0x7FFFFFFF - 1), 0x40000000, -0x3FFFFFFF, 12345, -12345};
    int32_t n;
    for (n = 0; n < 200000 && tforge_test.failures_in_case == 0; ++n) {
        const int32_t x = n < 13 * 62 ? edges[n % 13] : (int32_t)next_u32() >> uniform(0, 31);
        const int32_t s = n < 13 * 62 ? n / 13 - 31 : uniform(-31, 30);
        const int32_t m = uniform(0, 20) == 0 ? (uniform(0, 1) ? 0x7FFFFFFF : 0)
                                              : (int32_t)(0x40000000u + (next_u32() & 0x3FFFFFFFu));
        if (s > 30) {
            continue;
        }
        CHECK_EQ_INT(tforge_requantize(x, m, s), tforge_requantize_fast(x, m, s));
    }
}

static void conv2d_1x1_equals_reference(void) {
    int n;
    for (n = 0; n < FAST_CASES && tforge_test.failures_in_case == 0; ++n) {
        tforge_dims in;
        tforge_dims out;
        const tforge_window win = {1, 1, 1, 1, 1, 1, 0, 0};
        const int with_bias = uniform(0, 3) != 0;
        tforge_requant rq;
        in.h = uniform(1, 6), in.w = uniform(1, 7), in.c = uniform(1, 70);
        out.h = in.h, out.w = in.w, out.c = uniform(1, 40);
        rq = random_requant(out.c, with_bias);
        fill(input, in.h * in.w * in.c);
        fill(filter, out.c * in.c);
        fold(filter, out.c, in.c, in.c, 1, rq.input_offset);
        tforge_conv2d_s8(input, &in, filter, with_bias ? bias : NULL, expected, &out, &win, &rq);
        tforge_conv2d_1x1_s8(input, in.h * in.w, in.c, filter, folded, actual, out.c, &rq);
        CHECK_EQ_S8_ARRAY(expected, actual, out.h * out.w * out.c);
    }
}

static void conv2d_im2col_equals_reference(void) {
    int n;
    for (n = 0; n < FAST_CASES && tforge_test.failures_in_case == 0; ++n) {
        tforge_dims in;
        tforge_dims out;
        tforge_window w;
        const int with_bias = uniform(0, 3) != 0;
        tforge_requant rq;
        int32_t k;
        w.kernel_h = uniform(1, 5), w.kernel_w = uniform(1, 8);
        w.stride_h = uniform(1, 3), w.stride_w = uniform(1, 3);
        w.dilation_h = uniform(0, 3) == 0 ? 2 : 1, w.dilation_w = uniform(0, 3) == 0 ? 2 : 1;
        w.pad_top = uniform(0, w.kernel_h - 1), w.pad_left = uniform(0, w.kernel_w - 1);
        in.h = uniform(1, 9), in.w = uniform(1, 9), in.c = uniform(1, 9);
        out.h = output_extent(in.h, w.kernel_h, w.stride_h, w.dilation_h, w.pad_top);
        out.w = output_extent(in.w, w.kernel_w, w.stride_w, w.dilation_w, w.pad_left);
        out.c = uniform(1, 12);
        k = w.kernel_h * w.kernel_w * in.c;
        rq = random_requant(out.c, with_bias);
        fill(input, in.h * in.w * in.c);
        fill(filter, out.c * k);
        fold(filter, out.c, k, k, 1, rq.input_offset);
        CHECK(tforge_conv2d_im2col_s8_get_buffer_size(&in, &w) == 2 * k);
        tforge_conv2d_s8(input, &in, filter, with_bias ? bias : NULL, expected, &out, &w, &rq);
        tforge_conv2d_im2col_s8(input, &in, filter, folded, actual, &out, &w, &rq, cols);
        CHECK_EQ_S8_ARRAY(expected, actual, out.h * out.w * out.c);
    }
}

/* A depthwise layer on one input channel is a convolution with the filter transposed. */
static void depthwise_one_channel_as_im2col_conv(void) {
    int n;
    for (n = 0; n < FAST_CASES && tforge_test.failures_in_case == 0; ++n) {
        tforge_dims in;
        tforge_dims out;
        tforge_window w;
        const int with_bias = uniform(0, 3) != 0;
        tforge_requant rq;
        int32_t taps;
        int32_t t;
        int32_t c;
        w.kernel_h = uniform(1, 10), w.kernel_w = uniform(1, 8);
        w.stride_h = uniform(1, 2), w.stride_w = uniform(1, 2);
        w.dilation_h = 1, w.dilation_w = 1;
        w.pad_top = uniform(0, w.kernel_h - 1), w.pad_left = uniform(0, w.kernel_w - 1);
        in.h = uniform(1, 12), in.w = uniform(1, 12), in.c = 1;
        out.h = output_extent(in.h, w.kernel_h, w.stride_h, w.dilation_h, w.pad_top);
        out.w = output_extent(in.w, w.kernel_w, w.stride_w, w.dilation_w, w.pad_left);
        out.c = uniform(1, 9);
        taps = w.kernel_h * w.kernel_w;
        rq = random_requant(out.c, with_bias);
        fill(input, in.h * in.w);
        fill(filter, taps * out.c);
        for (c = 0; c < out.c; ++c) {
            for (t = 0; t < taps; ++t) {
                cols[c * taps + t] = filter[t * out.c + c];
            }
        }
        fold(filter, out.c, taps, 1, out.c, rq.input_offset);
        tforge_depthwise_conv2d_s8(input, &in, filter, with_bias ? bias : NULL, expected, &out,
                                   out.c, &w, &rq);
        memcpy(filter, cols, (size_t)(taps * out.c));
        tforge_conv2d_im2col_s8(input, &in, filter, folded, actual, &out, &w, &rq, cols + 4096);
        CHECK_EQ_S8_ARRAY(expected, actual, out.h * out.w * out.c);
    }
}

static void depthwise_conv2d_3x3_equals_reference(void) {
    int n;
    for (n = 0; n < FAST_CASES && tforge_test.failures_in_case == 0; ++n) {
        tforge_dims in;
        tforge_dims out;
        tforge_window w;
        const int with_bias = uniform(0, 3) != 0;
        tforge_requant rq;
        w.kernel_h = 3, w.kernel_w = 3, w.dilation_h = 1, w.dilation_w = 1;
        w.stride_h = uniform(1, 3), w.stride_w = uniform(1, 3);
        w.pad_top = uniform(0, 2), w.pad_left = uniform(0, 2);
        in.h = uniform(1, 11), in.w = uniform(1, 11), in.c = uniform(1, 20);
        out.h = output_extent(in.h, 3, w.stride_h, 1, w.pad_top);
        out.w = output_extent(in.w, 3, w.stride_w, 1, w.pad_left);
        out.c = in.c;
        rq = random_requant(out.c, with_bias);
        fill(input, in.h * in.w * in.c);
        fill(filter, 9 * out.c);
        fold(filter, out.c, 9, 1, out.c, rq.input_offset);
        tforge_depthwise_conv2d_s8(input, &in, filter, with_bias ? bias : NULL, expected, &out, 1,
                                   &w, &rq);
        tforge_depthwise_conv2d_3x3_s8(input, &in, filter, folded, actual, &out, w.stride_h,
                                       w.stride_w, w.pad_top, w.pad_left, &rq);
        CHECK_EQ_S8_ARRAY(expected, actual, out.h * out.w * out.c);
    }
}

static void fully_connected_fast_equals_reference(void) {
    int n;
    for (n = 0; n < FAST_CASES && tforge_test.failures_in_case == 0; ++n) {
        const int32_t in_depth = uniform(1, 300);
        const int32_t out_depth = uniform(1, 40);
        const int with_bias = uniform(0, 3) != 0;
        const tforge_requant rq = random_requant(out_depth, with_bias);
        fill(input, in_depth);
        fill(filter, in_depth * out_depth);
        fold(filter, out_depth, in_depth, in_depth, 1, rq.input_offset);
        tforge_fully_connected_s8(input, in_depth, filter, with_bias ? bias : NULL, expected,
                                  out_depth, &rq);
        tforge_fully_connected_fast_s8(input, in_depth, filter, folded, actual, out_depth, &rq);
        CHECK_EQ_S8_ARRAY(expected, actual, out_depth);
    }
}

int main(void) {
    TFORGE_RUN(requantize_fast_equals_reference);
    TFORGE_RUN(conv2d_1x1_equals_reference);
    TFORGE_RUN(conv2d_im2col_equals_reference);
    TFORGE_RUN(depthwise_one_channel_as_im2col_conv);
    TFORGE_RUN(depthwise_conv2d_3x3_equals_reference);
    TFORGE_RUN(fully_connected_fast_equals_reference);
    return tforge_test_summary();
}
