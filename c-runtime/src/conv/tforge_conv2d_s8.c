/*
 * int8 2-D convolution, bit-exact with TF Lite Micro's reference ConvPerChannel and with the
 * Java mirror's Conv2d. Filter layout [out_c][kernel_h][kernel_w][in_c].
 *
 * Taps in the padding are skipped, as the reference does; that equals padding with the input
 * zero point, whose contribution filter * (zero_point + input_offset) is 0.
 */
#include "tforge.h"
#include "tforge_accumulator.h"

/* One output pixel, one output channel: the sum over the in-bounds part of the window. */
static uint32_t conv_window_sum(const int8_t *input, const tforge_dims *in,
                                const int8_t *channel_filter, int32_t origin_y, int32_t origin_x,
                                const tforge_window *win, uint32_t input_offset) {
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
            const int8_t *pixel;
            const int8_t *taps;
            int32_t c;
            if (x < 0 || x >= in->w) {
                continue;
            }
            pixel = input + ((size_t)y * (size_t)in->w + (size_t)x) * (size_t)in->c;
            taps = channel_filter + ((size_t)ky * (size_t)win->kernel_w + (size_t)kx) * (size_t)in->c;
            for (c = 0; c < in->c; ++c) {
                acc = tforge_mac_s8(acc, taps[c], pixel[c], input_offset);
            }
        }
    }
    return acc;
}

void tforge_conv2d_s8(const int8_t *input, const tforge_dims *in,
                      const int8_t *filter, const int32_t *bias,
                      int8_t *output, const tforge_dims *out,
                      const tforge_window *win, const tforge_requant *rq) {
    const uint32_t input_offset = (uint32_t)rq->input_offset;
    const size_t filter_per_channel =
        (size_t)win->kernel_h * (size_t)win->kernel_w * (size_t)in->c;
    int32_t out_y;
    for (out_y = 0; out_y < out->h; ++out_y) {
        const int32_t origin_y = out_y * win->stride_h - win->pad_top;
        int32_t out_x;
        for (out_x = 0; out_x < out->w; ++out_x) {
            const int32_t origin_x = out_x * win->stride_w - win->pad_left;
            int32_t oc;
            for (oc = 0; oc < out->c; ++oc) {
                const uint32_t acc = conv_window_sum(input, in, filter + (size_t)oc * filter_per_channel,
                                                     origin_y, origin_x, win, input_offset);
                *output++ = tforge_output_s8(acc, bias, oc, rq);
            }
        }
    }
}
