/*
 * int8 HARD_SWISH, TF Lite Micro's reference_ops::HardSwish, in int16 fixed point: the input on
 * the high-resolution scale (x - zp) * 128 is multiplied (rounding) onto the output scale and,
 * separately, mapped to a "reluish" value in [0, 1] that saturates at x = -3 and +3; their product
 * uses the non-rounding doubling high multiply, then the output exponent, zero point and int8
 * clamp. Every int16 value of the reference is held in an int32_t here and stays in int16 range
 * (the helpers saturate or wrap exactly where the reference does). Element-wise: output may be
 * exactly input. Bit-exact with dev.tinyforge.kernels.HardSwish.
 */
#include "tforge.h"

/* Two's-complement wrap to int16, as the reference's int16_t stores do. */
static int32_t wrap16(int32_t x) {
    const int32_t low = x & 0xFFFF;
    return low >= 0x8000 ? low - 0x10000 : low;
}

/* gemmlowp's int16 SaturatingRoundingDoublingHighMul. */
static int32_t srdhm16(int32_t a, int32_t b) {
    const int32_t ab = a * b;
    if (a == INT16_MIN && b == INT16_MIN) {
        return INT16_MAX;
    }
    return (ab + (ab >= 0 ? (1 << 14) : (1 - (1 << 14)))) / (1 << 15);
}

/* The same truncating toward zero (ARM's SQDMULH), TFLM's SaturatingDoublingHighMul. */
static int32_t sdhm16(int32_t a, int32_t b) {
    if (a == INT16_MIN && b == INT16_MIN) {
        return INT16_MAX;
    }
    return (a * b) / (1 << 15);
}

static int32_t saturating_left_shift16(int32_t value, int32_t amount) {
    const int64_t result = (int64_t)value * ((int64_t)1 << amount);
    return result > INT16_MAX ? INT16_MAX : (result < INT16_MIN ? INT16_MIN : (int32_t)result);
}

/* gemmlowp's RoundingDivideByPOT on int16_t: mask and result held in int16. */
static int32_t rounding_divide_by_pot16(int32_t x, int32_t exponent) {
    const int32_t mask = wrap16((int32_t)(((int64_t)1 << exponent) - 1));
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return wrap16((x >> exponent) + (remainder > threshold ? 1 : 0));
}

void tforge_hard_swish_s8(const int8_t *input, int8_t *output, int32_t size,
                          const tforge_hard_swish_params *p) {
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t hires = ((int32_t)input[i] - p->input_zero_point) * (1 << 7);
        const int32_t preshift_output = srdhm16(hires, p->output_multiplier);
        int32_t reluish = hires;
        int32_t result;
        if (p->reluish_exponent > 0) {
            reluish = saturating_left_shift16(reluish, p->reluish_exponent - 1);
        }
        reluish = srdhm16(reluish, p->reluish_multiplier);
        if (p->reluish_exponent > 0) {
            reluish = saturating_left_shift16(reluish, 1);
        }
        if (p->reluish_exponent < 0) {
            reluish = rounding_divide_by_pot16(reluish, -p->reluish_exponent);
        }
        reluish = (reluish + (1 << 15)) >> 1; /* [-1, 1] -> [0, 1] */
        result = wrap16(rounding_divide_by_pot16(sdhm16(reluish, preshift_output),
                                                 -p->output_exponent) +
                        p->output_zero_point);
        output[i] = (int8_t)(result > INT8_MAX ? INT8_MAX : (result < INT8_MIN ? INT8_MIN : result));
    }
}
