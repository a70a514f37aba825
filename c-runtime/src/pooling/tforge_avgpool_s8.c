/*
 * int8 average pooling, TF Lite Micro's reference recipe: sum the in-bounds taps, divide by their
 * count rounding half away from zero (C99's truncating division after adding or subtracting
 * count/2), clamp. Same quantization in and out: nothing is requantized. Input and output must
 * not overlap. Bit-exact with dev.tinyforge.kernels.AvgPool.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"

/*
 * The in-bounds part of one window, as TF Lite's reference pools clip it: taps on padding are
 * skipped, not read as zeros. Pooling has no dilation; the window's dilation fields are unused.
 * (Each pooling file keeps its own copy so that a model's firmware can take just one kernel.)
 */
typedef struct {
    int32_t origin_y;
    int32_t origin_x;
    int32_t y_start;
    int32_t y_end;
    int32_t x_start;
    int32_t x_end;
} window_span;

static int32_t max_i32(int32_t a, int32_t b) { return a > b ? a : b; }
static int32_t min_i32(int32_t a, int32_t b) { return a < b ? a : b; }

/* Positions the window over output pixel (out_y, out_x); returns its number of in-bounds taps. */
static int32_t place_window(window_span *s, const tforge_window *win, const tforge_dims *in,
                            int32_t out_y, int32_t out_x) {
    s->origin_y = out_y * win->stride_h - win->pad_top;
    s->origin_x = out_x * win->stride_w - win->pad_left;
    s->y_start = max_i32(0, -s->origin_y);
    s->y_end = min_i32(win->kernel_h, in->h - s->origin_y);
    s->x_start = max_i32(0, -s->origin_x);
    s->x_end = min_i32(win->kernel_w, in->w - s->origin_x);
    return max_i32(0, s->y_end - s->y_start) * max_i32(0, s->x_end - s->x_start);
}

void tforge_avgpool_s8(const int8_t *input, const tforge_dims *in,
                       int8_t *output, const tforge_dims *out,
                       const tforge_window *win, int32_t act_min, int32_t act_max) {
    const int32_t depth = out->c;
    int32_t out_y;
    for (out_y = 0; out_y < out->h; out_y++) {
        int32_t out_x;
        for (out_x = 0; out_x < out->w; out_x++) {
            window_span s;
            const int32_t count = place_window(&s, win, in, out_y, out_x);
            int8_t *pixel_out = output + (out_y * out->w + out_x) * depth;
            int32_t ch;
            for (ch = 0; ch < depth; ch++) {
                int32_t sum = 0;
                int32_t average = 0;
                int32_t fy;
                for (fy = s.y_start; fy < s.y_end; fy++) {
                    const int8_t *row = input + (s.origin_y + fy) * in->w * depth;
                    int32_t fx;
                    for (fx = s.x_start; fx < s.x_end; fx++) {
                        sum += row[(s.origin_x + fx) * depth + ch];
                    }
                }
                /* An empty window is an error in TFLM; the processor never emits one, and
                 * skipping the division keeps this function defined if it ever did. */
                if (count > 0) {
                    average = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                }
                pixel_out[ch] = (int8_t)tforge_clamp(average, act_min, act_max);
            }
        }
    }
}
