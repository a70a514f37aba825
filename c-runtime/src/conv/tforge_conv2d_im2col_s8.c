/*
 * int8 2-D convolution of any window: each output pixel's window is copied into a column of
 * kernel_h * kernel_w * in_c bytes (taps in the padding get the input zero point, whose term is
 * 0), then two columns at a time are multiplied with the [out_c][kernel_h][kernel_w][in_c] filter
 * as in tforge_conv2d_1x1_s8 (see tforge_gemm_s8.h). Bit-exact with tforge_conv2d_s8.
 *
 * cols: tforge_conv2d_im2col_s8_get_buffer_size() bytes of scratch (the engine's stack).
 */
#include "tforge_fast.h"
#include "tforge_gemm_s8.h"

int32_t tforge_conv2d_im2col_s8_get_buffer_size(const tforge_dims *in, const tforge_window *win) {
    return 2 * win->kernel_h * win->kernel_w * in->c;
}

/* The window of output pixel (out_y, out_x) as kernel_h * kernel_w * in_c bytes. */
static void im2col(const int8_t *input, const tforge_dims *in, const tforge_window *win,
                   int32_t out_y, int32_t out_x, int8_t pad, int8_t *col) {
    const int32_t origin_y = out_y * win->stride_h - win->pad_top;
    const int32_t origin_x = out_x * win->stride_w - win->pad_left;
    const size_t depth = (size_t)in->c;
    int32_t ky;
    for (ky = 0; ky < win->kernel_h; ++ky) {
        const int32_t y = origin_y + ky * win->dilation_h;
        int32_t kx;
        if (y < 0 || y >= in->h) {
            memset(col, pad, depth * (size_t)win->kernel_w);
            col += depth * (size_t)win->kernel_w;
            continue;
        }
        if (win->dilation_w == 1 && origin_x >= 0 && origin_x + win->kernel_w <= in->w) {
            memcpy(col, input + ((size_t)y * (size_t)in->w + (size_t)origin_x) * depth,
                   depth * (size_t)win->kernel_w);
            col += depth * (size_t)win->kernel_w;
            continue;
        }
        for (kx = 0; kx < win->kernel_w; ++kx) {
            const int32_t x = origin_x + kx * win->dilation_w;
            if (x < 0 || x >= in->w) {
                memset(col, pad, depth);
            } else {
                memcpy(col, input + ((size_t)y * (size_t)in->w + (size_t)x) * depth, depth);
            }
            col += depth;
        }
    }
}

void tforge_conv2d_im2col_s8(const int8_t *input, const tforge_dims *in,
                             const int8_t *filter, const int32_t *folded_bias,
                             int8_t *output, const tforge_dims *out,
                             const tforge_window *win, const tforge_requant *rq, int8_t *cols) {
    const int32_t k = win->kernel_h * win->kernel_w * in->c;
    const int32_t pixels = out->h * out->w;
    const int8_t pad = (int8_t)(-rq->input_offset);
    int32_t p;
    for (p = 0; p < pixels; p += 2) {
        const int32_t rows = p + 1 < pixels ? 2 : 1;
        im2col(input, in, win, p / out->w, p % out->w, pad, cols);
        if (rows == 2) {
            im2col(input, in, win, (p + 1) / out->w, (p + 1) % out->w, pad, cols + k);
        }
        tforge_gemm_rows_s8(cols, rows, filter, k, out->c, folded_bias, rq,
                            output + (size_t)p * (size_t)out->c, out->c);
    }
}
