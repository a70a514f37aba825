/*
 * int8 depthwise convolution with depth multiplier 1 that writes its output over its input
 * (TinyEngine's in-place depthwise): the engine plans it where the input dies at this layer and
 * the second buffer would set the arena's peak.
 *
 * Output channel c reads input channel c only, so the layer runs one channel at a time: channel
 * c's whole output plane goes to `plane` (the scratch buffer, out->h * out->w bytes), then over
 * channel c's bytes of the buffer. Output element (p, c) sits at p * channels + c, where input
 * element (p, c) sat; out->h * out->w <= in->h * in->w, so only channel c is overwritten, after
 * its last read. The arithmetic per output is tforge_depthwise_conv2d_s8's, hence bit-exact.
 */
#include "tforge.h"
#include "tforge_accumulator.h"

/* Output pixel (out_y, out_x) of channel c: the in-bounds taps of its window. */
static uint32_t window_sum(const int8_t *data, const tforge_dims *in, int32_t c,
                           const int8_t *filter, int32_t origin_y, int32_t origin_x,
                           const tforge_window *win, uint32_t input_offset) {
    const size_t channels = (size_t)in->c;
    uint32_t acc = 0;
    int32_t ky;
    for (ky = 0; ky < win->kernel_h; ++ky) {
        const int32_t y = origin_y + ky * win->dilation_h;
        int32_t kx;
        if (y < 0 || y >= in->h) {
            continue;
        }
        for (kx = 0; kx < win->kernel_w; ++kx) {
            const int32_t x = origin_x + kx * win->dilation_w;
            if (x < 0 || x >= in->w) {
                continue;
            }
            acc = tforge_mac_s8(acc,
                                filter[((size_t)ky * (size_t)win->kernel_w + (size_t)kx) * channels
                                       + (size_t)c],
                                data[((size_t)y * (size_t)in->w + (size_t)x) * channels + (size_t)c],
                                input_offset);
        }
    }
    return acc;
}

void tforge_depthwise_conv2d_in_place_s8(int8_t *data, const tforge_dims *in,
                                         const int8_t *filter, const int32_t *bias,
                                         const tforge_dims *out, const tforge_window *win,
                                         const tforge_requant *rq, int8_t *plane) {
    const uint32_t input_offset = (uint32_t)rq->input_offset;
    const size_t channels = (size_t)in->c;
    const size_t pixels = (size_t)out->h * (size_t)out->w;
    int32_t c;
    for (c = 0; c < in->c; ++c) {
        int8_t *to = plane;
        int32_t out_y;
        size_t p;
        for (out_y = 0; out_y < out->h; ++out_y) {
            const int32_t origin_y = out_y * win->stride_h - win->pad_top;
            int32_t out_x;
            for (out_x = 0; out_x < out->w; ++out_x) {
                const int32_t origin_x = out_x * win->stride_w - win->pad_left;
                *to++ = tforge_output_s8(
                    window_sum(data, in, c, filter, origin_y, origin_x, win, input_offset), bias,
                    c, rq);
            }
        }
        for (p = 0; p < pixels; ++p) {
            data[p * channels + (size_t)c] = plane[p];
        }
    }
}
