/*
 * int8 depthwise convolution with a 3x3 window, depth multiplier 1, no dilation, any stride and
 * padding: one channel at a time, its nine taps and requantization constants held in locals, the
 * nine products unrolled; interior pixels (the whole window inside the input) run without bounds
 * checks, border pixels read the input zero point for taps in the padding. The input offset is
 * folded into folded_bias (see tforge_gemm_s8.h). Bit-exact with tforge_depthwise_conv2d_s8.
 */
#include "tforge_fast.h"
#include "tforge_gemm_s8.h"

/* First output index whose window starts inside the input, and one past the last one that ends
 * inside it (interior = [lo, hi)). */
static void interior(int32_t in_size, int32_t out_size, int32_t stride, int32_t pad, int32_t *lo,
                     int32_t *hi) {
    int32_t first = (pad + stride - 1) / stride;
    int32_t last = in_size - 3 + pad >= 0 ? (in_size - 3 + pad) / stride : -1;
    if (last > out_size - 1) {
        last = out_size - 1;
    }
    *lo = first < out_size ? first : out_size;
    *hi = last + 1 > *lo ? last + 1 : *lo;
}

static inline int8_t requant_one(uint32_t acc, int32_t bias, int32_t multiplier, int32_t shift,
                                 const tforge_requant *rq) {
    int32_t v = tforge_requantize_fast((int32_t)(acc + (uint32_t)bias), multiplier, shift);
    v = (int32_t)((uint32_t)v + (uint32_t)rq->output_offset);
    v = v < rq->act_min ? rq->act_min : v;
    return (int8_t)(v > rq->act_max ? rq->act_max : v);
}

/*
 * One output whose window crosses the border. Taps in the padding read the zero point `pad`:
 * start from pad * (sum of the taps) and add (x - pad) * tap over the clipped window only.
 */
static uint32_t border_sum(const int8_t *input, const tforge_dims *in, int32_t iy, int32_t ix,
                           int32_t c, const int32_t taps[9], int32_t pad, uint32_t pad_all) {
    const int32_t y0 = iy < 0 ? -iy : 0;
    const int32_t y1 = in->h - iy < 3 ? in->h - iy : 3;
    const int32_t x0 = ix < 0 ? -ix : 0;
    const int32_t x1 = in->w - ix < 3 ? in->w - ix : 3;
    uint32_t acc = pad_all;
    int32_t ky, kx;
    for (ky = y0; ky < y1; ++ky) {
        const int8_t *r = input + ((size_t)(iy + ky) * (size_t)in->w + (size_t)(ix + x0))
                                      * (size_t)in->c + (size_t)c;
        for (kx = x0; kx < x1; ++kx) {
            acc += (uint32_t)((*r - pad) * taps[ky * 3 + kx]);
            r += in->c;
        }
    }
    return acc;
}

void tforge_depthwise_conv2d_3x3_s8(const int8_t *input, const tforge_dims *in,
                                    const int8_t *filter, const int32_t *folded_bias,
                                    int8_t *output, const tforge_dims *out, int32_t stride_h,
                                    int32_t stride_w, int32_t pad_top, int32_t pad_left,
                                    const tforge_requant *rq) {
    const int32_t depth = in->c;
    const size_t d = (size_t)depth;
    const size_t row = (size_t)in->w * d;
    const size_t step = (size_t)stride_w * d;
    const int32_t pad = -rq->input_offset;
    int32_t y_lo, y_hi, x_lo, x_hi;
    int32_t c;
    interior(in->h, out->h, stride_h, pad_top, &y_lo, &y_hi);
    interior(in->w, out->w, stride_w, pad_left, &x_lo, &x_hi);
    for (c = 0; c < depth; ++c) {
        int32_t taps[9];
        const int32_t bias = folded_bias[c];
        const int32_t multiplier = rq->multiplier[c];
        const int32_t shift = rq->shift[c];
        uint32_t pad_all = 0;
        int32_t t, oy;
        for (t = 0; t < 9; ++t) {
            taps[t] = filter[(size_t)t * d + (size_t)c];
            pad_all += (uint32_t)(pad * taps[t]);
        }
        for (oy = 0; oy < out->h; ++oy) {
            const int32_t iy = oy * stride_h - pad_top;
            const int inner_row = oy >= y_lo && oy < y_hi;
            const int32_t x_begin = inner_row ? x_lo : out->w;
            const int32_t x_end = inner_row ? x_hi : out->w;
            int8_t *o = output + (size_t)oy * (size_t)out->w * d + (size_t)c;
            int32_t ox;
            for (ox = 0; ox < x_begin; ++ox) {
                const uint32_t acc =
                    border_sum(input, in, iy, ox * stride_w - pad_left, c, taps, pad, pad_all);
                o[(size_t)ox * d] = requant_one(acc, bias, multiplier, shift, rq);
            }
            if (ox < x_end) {
                const int8_t *p0 = input + (size_t)iy * row
                                   + (size_t)(ox * stride_w - pad_left) * d + (size_t)c;
                const int8_t *p1 = p0 + row;
                const int8_t *p2 = p1 + row;
                int8_t *q = o + (size_t)ox * d;
#if TFORGE_DSP
                /* Taps paired in int16 lanes: four SMLAD and one MLA per output. */
                const int32_t t01 = tforge_pack16(taps[0], taps[1]);
                const int32_t t23 = tforge_pack16(taps[2], taps[3]);
                const int32_t t45 = tforge_pack16(taps[4], taps[5]);
                const int32_t t67 = tforge_pack16(taps[6], taps[7]);
                const int32_t f8 = taps[8];
                for (; ox < x_end; ++ox) {
                    int32_t acc = __smlad(tforge_pack16(p0[0], p0[d]), t01, 0);
                    acc = __smlad(tforge_pack16(p0[2 * d], p1[0]), t23, acc);
                    acc = __smlad(tforge_pack16(p1[d], p1[2 * d]), t45, acc);
                    acc = __smlad(tforge_pack16(p2[0], p2[d]), t67, acc);
                    acc = (int32_t)((uint32_t)acc + (uint32_t)(p2[2 * d] * f8));
                    *q = requant_one((uint32_t)acc, bias, multiplier, shift, rq);
                    q += d;
                    p0 += step;
                    p1 += step;
                    p2 += step;
                }
#else
                const int32_t f0 = taps[0], f1 = taps[1], f2 = taps[2], f3 = taps[3], f4 = taps[4];
                const int32_t f5 = taps[5], f6 = taps[6], f7 = taps[7], f8 = taps[8];
                for (; ox < x_end; ++ox) {
                    uint32_t acc = (uint32_t)(p0[0] * f0) + (uint32_t)(p0[d] * f1)
                                   + (uint32_t)(p0[2 * d] * f2);
                    acc += (uint32_t)(p1[0] * f3) + (uint32_t)(p1[d] * f4)
                           + (uint32_t)(p1[2 * d] * f5);
                    acc += (uint32_t)(p2[0] * f6) + (uint32_t)(p2[d] * f7)
                           + (uint32_t)(p2[2 * d] * f8);
                    *q = requant_one(acc, bias, multiplier, shift, rq);
                    q += d;
                    p0 += step;
                    p1 += step;
                    p2 += step;
                }
#endif
            }
            for (; ox < out->w; ++ox) {
                const uint32_t acc =
                    border_sum(input, in, iy, ox * stride_w - pad_left, c, taps, pad, pad_all);
                o[(size_t)ox * d] = requant_one(acc, bias, multiplier, shift, rq);
            }
        }
    }
}
