/*
 * TinyForge C runtime: portable C99 int8 kernels.
 *
 * Every kernel is "Eval" only: the processor checked shapes and computed every constant at
 * compile time (TF Lite Micro's "Prepare"), so these functions do arithmetic and nothing else.
 * Tensors are row-major NHWC with batch 1. Zero points arrive as offsets the way the reference
 * kernels use them: input_offset = -input_zero_point, output_offset = +output_zero_point.
 * Each kernel lives in its own file under src/<family>/ and is named for what it is.
 */
#ifndef TFORGE_H
#define TFORGE_H

#include <stdint.h>
#include <stddef.h>

/* Height, width, channels of one activation tensor (batch is always 1). */
typedef struct {
    int32_t h;
    int32_t w;
    int32_t c;
} tforge_dims;

/* A sliding window: kernel size, stride, dilation and the padding before the first row/column. */
typedef struct {
    int32_t kernel_h;
    int32_t kernel_w;
    int32_t stride_h;
    int32_t stride_w;
    int32_t dilation_h;
    int32_t dilation_w;
    int32_t pad_top;
    int32_t pad_left;
} tforge_window;

/*
 * Requantization of an int32 accumulator to int8: one Q31 multiplier and shift per output
 * channel (per-tensor quantization repeats the same pair), then the fused activation clamp.
 */
typedef struct {
    int32_t input_offset;
    int32_t output_offset;
    int32_t act_min;
    int32_t act_max;
    const int32_t *multiplier;
    const int32_t *shift;
} tforge_requant;

/* Fully connected: output[o] = sum_i (input[i] + input_offset) * weights[o][i] + bias[o]. */
void tforge_fully_connected_s8(const int8_t *input, int32_t in_depth,
                               const int8_t *weights, const int32_t *bias,
                               int8_t *output, int32_t out_depth,
                               const tforge_requant *rq);

/* 2-D convolution; filter layout [out_c][kernel_h][kernel_w][in_c]; bias may be NULL. */
void tforge_conv2d_s8(const int8_t *input, const tforge_dims *in,
                      const int8_t *filter, const int32_t *bias,
                      int8_t *output, const tforge_dims *out,
                      const tforge_window *win, const tforge_requant *rq);

/*
 * Depthwise convolution; filter layout [kernel_h][kernel_w][out_c] with
 * out_c = in_c * depth_multiplier; bias may be NULL.
 */
void tforge_depthwise_conv2d_s8(const int8_t *input, const tforge_dims *in,
                                const int8_t *filter, const int32_t *bias,
                                int8_t *output, const tforge_dims *out,
                                int32_t depth_multiplier,
                                const tforge_window *win, const tforge_requant *rq);

/*
 * Depthwise convolution, depth multiplier 1, written over its own input at `data` one channel
 * at a time; `plane` is out->h * out->w bytes of scratch and out->h * out->w <= in->h * in->w.
 */
void tforge_depthwise_conv2d_in_place_s8(int8_t *data, const tforge_dims *in,
                                         const int8_t *filter, const int32_t *bias,
                                         const tforge_dims *out, const tforge_window *win,
                                         const tforge_requant *rq, int8_t *plane);

/* Average pooling, same quantization in and out; divides by the count of in-bounds taps. */
void tforge_avgpool_s8(const int8_t *input, const tforge_dims *in,
                       int8_t *output, const tforge_dims *out,
                       const tforge_window *win, int32_t act_min, int32_t act_max);

/* Max pooling, same quantization in and out. */
void tforge_maxpool_s8(const int8_t *input, const tforge_dims *in,
                       int8_t *output, const tforge_dims *out,
                       const tforge_window *win, int32_t act_min, int32_t act_max);

/* Element-wise addition with requantization of both inputs (TF Lite Micro's int8 ADD). */
typedef struct {
    int32_t input1_offset;
    int32_t input2_offset;
    int32_t output_offset;
    int32_t left_shift;
    int32_t input1_multiplier;
    int32_t input1_shift;
    int32_t input2_multiplier;
    int32_t input2_shift;
    int32_t output_multiplier;
    int32_t output_shift;
    int32_t act_min;
    int32_t act_max;
} tforge_add_params;

void tforge_add_s8(const int8_t *input1, const int8_t *input2, int8_t *output,
                   int32_t size, const tforge_add_params *p);

/*
 * Softmax over the last axis, TF Lite Micro's int8 recipe (gemmlowp fixed-point exp);
 * output quantization is fixed at scale 1/256, zero point -128.
 */
typedef struct {
    int32_t input_multiplier;
    int32_t input_left_shift;
    int32_t diff_min;
} tforge_softmax_params;

void tforge_softmax_s8(const int8_t *input, int8_t *output,
                       int32_t rows, int32_t depth, const tforge_softmax_params *p);

/*
 * Element-wise multiplication (TF Lite Micro's int8 MUL): (in1 + input1_offset) *
 * (in2 + input2_offset), requantized by one multiplier, offset and clamped.
 */
typedef struct {
    int32_t input1_offset;
    int32_t input2_offset;
    int32_t output_offset;
    int32_t output_multiplier;
    int32_t output_shift;
    int32_t act_min;
    int32_t act_max;
} tforge_mul_params;

void tforge_mul_s8(const int8_t *input1, const int8_t *input2, int8_t *output,
                   int32_t size, const tforge_mul_params *p);

/*
 * The same with input2's `depth` values repeated for each of `rows` rows of input1: a
 * per-channel constant (rows = H*W, depth = C) or a scalar (depth = 1). When the broadcast
 * operand is the model's input 1, pass it as input2 with the two offsets exchanged.
 */
void tforge_mul_broadcast_s8(const int8_t *input1, const int8_t *input2, int8_t *output,
                             int32_t rows, int32_t depth, const tforge_mul_params *p);

/*
 * LOGISTIC and TANH (TF Lite Micro's int8 reference kernels, gemmlowp fixed point): the input,
 * zero point removed, goes to Q4 with input_multiplier * 2^(input_left_shift - 31); inputs with
 * |x - zp| >= input_range_radius saturate. Fixed output quantization: LOGISTIC 1/256 with zero
 * point -128, TANH 1/128 with zero point 0.
 */
typedef struct {
    int32_t input_zero_point;
    int32_t input_range_radius;
    int32_t input_multiplier;
    int32_t input_left_shift;
} tforge_sigmoid_params;

void tforge_logistic_s8(const int8_t *input, int8_t *output, int32_t size,
                        const tforge_sigmoid_params *p);

void tforge_tanh_s8(const int8_t *input, int8_t *output, int32_t size,
                    const tforge_sigmoid_params *p);

/*
 * HARD_SWISH, x * relu6(x + 3) / 6, in TF Lite Micro's int16 fixed point. The multipliers are
 * Q15 (int32 Q31 multipliers rounded to 16 bits); output_exponent <= 0.
 */
typedef struct {
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t reluish_multiplier;
    int32_t reluish_exponent;
    int32_t output_multiplier;
    int32_t output_exponent;
} tforge_hard_swish_params;

void tforge_hard_swish_s8(const int8_t *input, int8_t *output, int32_t size,
                          const tforge_hard_swish_params *p);

/*
 * Standalone RELU: requantizes (input_scale / output_scale) and clamps at the output zero point.
 * Zero points as zero points here (TF Lite Micro's ReluOpData), not offsets.
 */
typedef struct {
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t output_multiplier;
    int32_t output_shift;
    int32_t act_min;
    int32_t act_max;
} tforge_relu_params;

void tforge_relu_s8(const int8_t *input, int8_t *output, int32_t size,
                    const tforge_relu_params *p);

/*
 * Standalone RELU6: no requantization; clamps the input codes to [lower, upper] = [input zero
 * point, input zero point + round(6 / input scale)] (TF Lite Micro ignores the output quant).
 */
void tforge_relu6_s8(const int8_t *input, int8_t *output, int32_t size,
                     int32_t lower, int32_t upper);

/*
 * PAD / PADV2 on a 4-D tensor (shape in_shape[0..3], e.g. N, H, W, C): output dimension i is
 * before[i] + in_shape[i] + after[i]; elements outside the copied box get pad_value (PAD: the
 * output zero point; PADV2: the constant's int8 code). output must not overlap input.
 */
void tforge_pad_s8(const int8_t *input, const int32_t in_shape[4], const int32_t before[4],
                   const int32_t after[4], int8_t pad_value, int8_t *output);

/*
 * CONCATENATION with one quantization on all inputs and the output (TF Lite Micro's int8 rule):
 * for each of `rows` outer rows, input i contributes chunks[i] bytes (its size along the axis
 * times the inner size; on the last axis, its channel count). output must not overlap inputs.
 */
void tforge_concatenation_s8(const int8_t *const *inputs, const int32_t *chunks, int32_t count,
                             int32_t rows, int8_t *output);

/*
 * MEAN over height and width (global average pooling, with or without keep_dims), requantizing
 * (TF Lite Micro's QuantizedMeanOrSum): per channel, sum of the codes minus input_zero_point *
 * count, times multiplier * 2^(shift - 31) (1/count already folded in), plus the output zero
 * point, clamped to int8. output (in->c bytes) must not overlap input.
 */
typedef struct {
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t count;
    int32_t multiplier;
    int32_t shift;
} tforge_mean_params;

void tforge_mean_hw_s8(const int8_t *input, const tforge_dims *in, int8_t *output,
                       const tforge_mean_params *p);

/* QUANTIZE float32 -> int8: round(x / scale) in float, half away from zero, + zp, clamped. */
void tforge_quantize_f32_s8(const float *input, int8_t *output, int32_t size, float scale,
                            int32_t zero_point);

/* QUANTIZE int8 -> int8: (q - input zp) * multiplier * 2^(shift - 31) + output zp, clamped. */
typedef struct {
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t multiplier;
    int32_t shift;
} tforge_requantize_params;

void tforge_requantize_s8(const int8_t *input, int8_t *output, int32_t size,
                          const tforge_requantize_params *p);

/* DEQUANTIZE int8 -> float32: (q - zp) * scale computed in double, rounded to float. */
void tforge_dequantize_s8_f32(const int8_t *input, float *output, int32_t size, float scale,
                              int32_t zero_point);

#endif
