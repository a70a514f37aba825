/*
 * Conv, depthwise conv and fully connected on thousands of random small layers, against naive
 * oracles written here: int64 sums and requantization restated as rounding rules (the high
 * multiply is floor(a*b/2^31 + 1/2), the divide rounds the magnitude half up). Every tensor gets
 * its own exactly-sized heap block, so the sanitized build also catches any out-of-bounds read.
 * SearchRuntime's RandomLayers does the same for the Java mirror.
 */
#include <stdlib.h>
#include <string.h>

#include "tforge.h"
#include "tforge_test.h"

#define CASES 1500

static uint32_t rng_state = 0x2545F491u;

/* xorshift32: reproducible on every host and needs no libc randomness. */
static uint32_t next_u32(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

/* Uniform-enough integer in [lo, hi]. */
static int32_t uniform(int32_t lo, int32_t hi) {
    return lo + (int32_t)(next_u32() % (uint32_t)(hi - lo + 1));
}

static int8_t *random_int8s(int32_t n) {
    int8_t *p = (int8_t *)malloc((size_t)n);
    int32_t i;
    for (i = 0; i < n; ++i) {
        p[i] = (int8_t)uniform(-128, 127);
    }
    return p;
}

static int32_t *random_bias_or_null(int32_t n) {
    int32_t *p;
    int32_t i;
    if (uniform(0, 3) == 0) {
        return NULL;
    }
    p = (int32_t *)malloc(sizeof(int32_t) * (size_t)n);
    for (i = 0; i < n; ++i) {
        p[i] = uniform(-100000, 100000);
    }
    return p;
}

typedef struct {
    tforge_requant rq;
    int32_t *multiplier;
    int32_t *shift;
} owned_requant;

static owned_requant random_requant(int32_t channels) {
    owned_requant o;
    int32_t i;
    const int32_t a = uniform(-128, 127);
    const int32_t b = uniform(-128, 127);
    const int full_range = uniform(0, 1);
    o.multiplier = (int32_t *)malloc(sizeof(int32_t) * (size_t)channels);
    o.shift = (int32_t *)malloc(sizeof(int32_t) * (size_t)channels);
    for (i = 0; i < channels; ++i) {
        o.multiplier[i] = (int32_t)((uint32_t)0x40000000u + (next_u32() & 0x3FFFFFFFu));
        o.shift[i] = uniform(-14, 1);
    }
    o.rq.input_offset = uniform(-127, 128);
    o.rq.output_offset = uniform(-128, 127);
    o.rq.act_min = full_range ? -128 : (a < b ? a : b);
    o.rq.act_max = full_range ? 127 : (a < b ? b : a);
    o.rq.multiplier = o.multiplier;
    o.rq.shift = o.shift;
    return o;
}

static tforge_window random_window(void) {
    tforge_window w;
    w.kernel_h = uniform(1, 4);
    w.kernel_w = uniform(1, 4);
    w.stride_h = uniform(1, 3);
    w.stride_w = uniform(1, 3);
    w.dilation_h = uniform(1, 3);
    w.dilation_w = uniform(1, 3);
    w.pad_top = uniform(0, w.kernel_h);
    w.pad_left = uniform(0, w.kernel_w);
    return w;
}

static int32_t output_extent(int32_t in, int32_t kernel, int32_t stride, int32_t dilation,
                             int32_t pad) {
    const int32_t span = (kernel - 1) * dilation + 1;
    const int32_t n = (in + 2 * pad - span) / stride + 1;
    return n < 1 ? 1 : n;
}

/* ---- the oracle ---- */

static int32_t exact_high_mul(int32_t a, int32_t b) {
    const int64_t two_31 = (int64_t)1 << 31;
    int64_t n;
    int64_t q;
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    n = (int64_t)a * (int64_t)b + ((int64_t)1 << 30);
    q = n / two_31;
    if (n % two_31 != 0 && n < 0) {
        q -= 1; /* C division truncates; we want the floor */
    }
    return (int32_t)q;
}

static int32_t exact_divide_by_pot(int32_t x, int32_t exponent) {
    const int64_t magnitude = x < 0 ? -(int64_t)x : (int64_t)x;
    const int64_t half = exponent == 0 ? 0 : (int64_t)1 << (exponent - 1);
    const int64_t q = (magnitude + half) >> exponent;
    return (int32_t)(x < 0 ? -q : q);
}

/* Returns 0 when the sum leaves int32 (the generator keeps layers small enough). */
static int oracle_output(int64_t sum, const int32_t *bias, int32_t ch, const tforge_requant *rq,
                         int8_t *out) {
    int64_t v = sum + (bias != NULL ? bias[ch] : 0);
    const int32_t shift = rq->shift[ch];
    if (shift > 0) {
        v *= (int64_t)1 << shift;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        return 0;
    }
    v = exact_divide_by_pot(exact_high_mul((int32_t)v, rq->multiplier[ch]), shift > 0 ? 0 : -shift);
    v += rq->output_offset;
    v = v < rq->act_min ? rq->act_min : (v > rq->act_max ? rq->act_max : v);
    *out = (int8_t)v;
    return 1;
}

static int64_t tap(const int8_t *input, const tforge_dims *in, int32_t y, int32_t x, int32_t c,
                   int32_t input_offset) {
    return (int64_t)input[(y * in->w + x) * in->c + c] + input_offset;
}

static int inside(const tforge_dims *in, int32_t y, int32_t x) {
    return y >= 0 && y < in->h && x >= 0 && x < in->w;
}

/* ---- the cases ---- */

static void random_fully_connected(void) {
    int n;
    for (n = 0; n < CASES && tforge_test.failures_in_case == 0; ++n) {
        const int32_t in_depth = uniform(1, 40);
        const int32_t out_depth = uniform(1, 12);
        int8_t *input = random_int8s(in_depth);
        int8_t *weights = random_int8s(in_depth * out_depth);
        int32_t *bias = random_bias_or_null(out_depth);
        owned_requant q = random_requant(out_depth);
        int8_t *actual = (int8_t *)malloc((size_t)out_depth);
        int8_t *expected = (int8_t *)malloc((size_t)out_depth);
        int32_t o;
        int32_t i;
        for (o = 0; o < out_depth; ++o) {
            int64_t sum = 0;
            for (i = 0; i < in_depth; ++i) {
                sum += (int64_t)weights[o * in_depth + i] * ((int64_t)input[i] + q.rq.input_offset);
            }
            CHECK(oracle_output(sum, bias, o, &q.rq, &expected[o]));
        }
        tforge_fully_connected_s8(input, in_depth, weights, bias, actual, out_depth, &q.rq);
        CHECK_EQ_S8_ARRAY(expected, actual, out_depth);
        free(input), free(weights), free(bias), free(q.multiplier), free(q.shift);
        free(actual), free(expected);
    }
}

static void random_conv2d(void) {
    int n;
    for (n = 0; n < CASES && tforge_test.failures_in_case == 0; ++n) {
        const tforge_window w = random_window();
        tforge_dims in;
        tforge_dims out;
        int8_t *input, *filter, *actual, *expected;
        int32_t *bias;
        owned_requant q;
        int32_t oy, ox, oc, ky, kx, ic;
        in.h = uniform(1, 7), in.w = uniform(1, 7), in.c = uniform(1, 4);
        out.h = output_extent(in.h, w.kernel_h, w.stride_h, w.dilation_h, w.pad_top);
        out.w = output_extent(in.w, w.kernel_w, w.stride_w, w.dilation_w, w.pad_left);
        out.c = uniform(1, 4);
        input = random_int8s(in.h * in.w * in.c);
        filter = random_int8s(out.c * w.kernel_h * w.kernel_w * in.c);
        bias = random_bias_or_null(out.c);
        q = random_requant(out.c);
        actual = (int8_t *)malloc((size_t)(out.h * out.w * out.c));
        expected = (int8_t *)malloc((size_t)(out.h * out.w * out.c));
        for (oy = 0; oy < out.h; ++oy) {
            for (ox = 0; ox < out.w; ++ox) {
                for (oc = 0; oc < out.c; ++oc) {
                    int64_t sum = 0;
                    for (ky = 0; ky < w.kernel_h; ++ky) {
                        for (kx = 0; kx < w.kernel_w; ++kx) {
                            const int32_t y = oy * w.stride_h + ky * w.dilation_h - w.pad_top;
                            const int32_t x = ox * w.stride_w + kx * w.dilation_w - w.pad_left;
                            for (ic = 0; ic < in.c && inside(&in, y, x); ++ic) {
                                const int8_t f =
                                    filter[((oc * w.kernel_h + ky) * w.kernel_w + kx) * in.c + ic];
                                sum += f * tap(input, &in, y, x, ic, q.rq.input_offset);
                            }
                        }
                    }
                    CHECK(oracle_output(sum, bias, oc, &q.rq,
                                        &expected[(oy * out.w + ox) * out.c + oc]));
                }
            }
        }
        tforge_conv2d_s8(input, &in, filter, bias, actual, &out, &w, &q.rq);
        CHECK_EQ_S8_ARRAY(expected, actual, out.h * out.w * out.c);
        free(input), free(filter), free(bias), free(q.multiplier), free(q.shift);
        free(actual), free(expected);
    }
}

static void random_depthwise_conv2d(void) {
    int in_place_cases = 0;
    int n;
    for (n = 0; n < CASES && tforge_test.failures_in_case == 0; ++n) {
        const tforge_window w = random_window();
        const int32_t depth_multiplier = uniform(1, 3);
        tforge_dims in;
        tforge_dims out;
        int8_t *input, *filter, *actual, *expected;
        int32_t *bias;
        owned_requant q;
        int32_t oy, ox, ic, m, ky, kx;
        in.h = uniform(1, 7), in.w = uniform(1, 7), in.c = uniform(1, 4);
        out.h = output_extent(in.h, w.kernel_h, w.stride_h, w.dilation_h, w.pad_top);
        out.w = output_extent(in.w, w.kernel_w, w.stride_w, w.dilation_w, w.pad_left);
        out.c = in.c * depth_multiplier;
        input = random_int8s(in.h * in.w * in.c);
        filter = random_int8s(w.kernel_h * w.kernel_w * out.c);
        bias = random_bias_or_null(out.c);
        q = random_requant(out.c);
        actual = (int8_t *)malloc((size_t)(out.h * out.w * out.c));
        expected = (int8_t *)malloc((size_t)(out.h * out.w * out.c));
        for (oy = 0; oy < out.h; ++oy) {
            for (ox = 0; ox < out.w; ++ox) {
                for (ic = 0; ic < in.c; ++ic) {
                    for (m = 0; m < depth_multiplier; ++m) {
                        const int32_t oc = ic * depth_multiplier + m;
                        int64_t sum = 0;
                        for (ky = 0; ky < w.kernel_h; ++ky) {
                            for (kx = 0; kx < w.kernel_w; ++kx) {
                                const int32_t y = oy * w.stride_h + ky * w.dilation_h - w.pad_top;
                                const int32_t x = ox * w.stride_w + kx * w.dilation_w - w.pad_left;
                                if (inside(&in, y, x)) {
                                    const int8_t f = filter[(ky * w.kernel_w + kx) * out.c + oc];
                                    sum += f * tap(input, &in, y, x, ic, q.rq.input_offset);
                                }
                            }
                        }
                        CHECK(oracle_output(sum, bias, oc, &q.rq,
                                            &expected[(oy * out.w + ox) * out.c + oc]));
                    }
                }
            }
        }
        tforge_depthwise_conv2d_s8(input, &in, filter, bias, actual, &out, depth_multiplier, &w,
                                   &q.rq);
        CHECK_EQ_S8_ARRAY(expected, actual, out.h * out.w * out.c);
        if (depth_multiplier == 1 && out.h * out.w <= in.h * in.w) {
            /* The in-place kernel on a copy of the input, with its one-plane scratch. */
            int8_t *data = (int8_t *)malloc((size_t)(in.h * in.w * in.c));
            int8_t *plane = (int8_t *)malloc((size_t)(out.h * out.w) + 1);
            memcpy(data, input, (size_t)(in.h * in.w * in.c));
            tforge_depthwise_conv2d_in_place_s8(data, &in, filter, bias, &out, &w, &q.rq, plane);
            CHECK_EQ_S8_ARRAY(expected, data, out.h * out.w * out.c);
            in_place_cases++;
            free(data), free(plane);
        }
        free(input), free(filter), free(bias), free(q.multiplier), free(q.shift);
        free(actual), free(expected);
    }
    /* Multiplier 1 without growing padding is a third of the cases: the in-place path ran. */
    CHECK(tforge_test.failures_in_case != 0 || in_place_cases >= CASES / 10);
}

int main(void) {
    TFORGE_RUN(random_fully_connected);
    TFORGE_RUN(random_conv2d);
    TFORGE_RUN(random_depthwise_conv2d);
    return tforge_test_summary();
}
