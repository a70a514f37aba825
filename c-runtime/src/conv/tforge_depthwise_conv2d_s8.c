/*
 * int8 depthwise convolution, bit-exact with TF Lite Micro's reference DepthwiseConvPerChannel
 * and with the Java mirror's DepthwiseConv2d. Filter layout [kernel_h][kernel_w][out_c], with
 * out_c = in_c * depth_multiplier; output channel c reads input channel c / depth_multiplier.
 *
 * Padding taps are skipped as in the reference. Input and output must not overlap: each output
 * pixel reads a window of input pixels, so this kernel cannot run in place.
 */
#include "tforge.h"
#include "tforge_accumulator.h"

/* One output pixel, one output channel: the sum over the in-bounds part of the window. */
static uint32_t depthwise_window_sum(const int8_t *input, const tforge_dims *in, int32_t in_channel,
                                     const int8_t *filter, int32_t out_channel, int32_t out_depth,
                                     int32_t origin_y, int32_t origin_x,
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
            size_t pixel;
            size_t tap;
            if (x < 0 || x >= in->w) {
                continue;
            }
            pixel = ((size_t)y * (size_t)in->w + (size_t)x) * (size_t)in->c + (size_t)in_channel;
            tap = ((size_t)ky * (size_t)win->kernel_w + (size_t)kx) * (size_t)out_depth
                  + (size_t)out_channel;
            acc = tforge_mac_s8(acc, filter[tap], input[pixel], input_offset);
        }
    }
    return acc;
}

void tforge_depthwise_conv2d_s8(const int8_t *input, const tforge_dims *in,
                                const int8_t *filter, const int32_t *bias,
                                int8_t *output, const tforge_dims *out,
                                int32_t depth_multiplier,
                                const tforge_window *win, const tforge_requant *rq) {
    const uint32_t input_offset = (uint32_t)rq->input_offset;
    int32_t out_y;
    for (out_y = 0; out_y < out->h; ++out_y) {
        const int32_t origin_y = out_y * win->stride_h - win->pad_top;
        int32_t out_x;
        for (out_x = 0; out_x < out->w; ++out_x) {
            const int32_t origin_x = out_x * win->stride_w - win->pad_left;
            int32_t oc;
            for (oc = 0; oc < out->c; ++oc) {
                const uint32_t acc = depthwise_window_sum(input, in, oc / depth_multiplier, filter,
                                                          oc, out->c, origin_y, origin_x, win,
                                                          input_offset);
                *output++ = tforge_output_s8(acc, bias, oc, rq);
            }
        }
    }
}
