/*
 * tforge_softmax_s8: hand-checked values and invariants, the fixed-point helpers' accuracy, and
 * TF Lite Micro's SOFTMAX in micro_speech and person_detect. Usage: test_softmax_s8 <models dir>.
 *
 * Parameters are TFLM's Prepare results (beta 1): by hand for scale 1/16 (multiplier 2^30, left
 * shift 23, radius floor(31 * 2^26 / 2^23) = 248), and computed separately in Python for the
 * goldens' float32 scales; the Java SoftmaxParamsTest pins the same numbers.
 */
#include "tforge.h"
#include "tforge_fixedpoint_exp.h"
#include "tforge_test_misc.h"

static const tforge_softmax_params sixteenth = {1 << 30, 23, -248};

static void softmax_row(const int8_t *in, int8_t *out, int32_t depth,
                        const tforge_softmax_params *p) {
    tforge_softmax_s8(in, out, 1, depth, p);
}

static void equal_logits_share_evenly(void) {
    const int8_t four[4] = {7, 7, 7, 7}, quarter[4] = {-64, -64, -64, -64};
    const int8_t two[2] = {-3, -3}, half[2] = {0, 0};
    const int8_t one = 42, all = 127; /* 256/256 saturates at 127 */
    int8_t got[4];
    softmax_row(four, got, 4, &sixteenth);
    tforge_expect_bytes("four equal logits", quarter, got, 4);
    softmax_row(two, got, 2, &sixteenth);
    tforge_expect_bytes("two equal logits", half, got, 2);
    softmax_row(&one, got, 1, &sixteenth);
    tforge_expect_bytes("one logit", &all, got, 1);
}

static void beyond_the_radius_is_zero(void) {
    const int8_t in[2] = {127, -128}, expected[2] = {127, -128};
    int8_t got[2];
    softmax_row(in, got, 2, &sixteenth);
    tforge_expect_bytes("difference -255 < -248 ignored", expected, got, 2);
}

static void one_logit_apart(void) {
    /* e / (1 + e) = 0.7311 -> 187.2 / 256 -> 59; 0.2689 -> 68.8 / 256 -> -59 */
    const int8_t in[4] = {16, 0, 7, 7}, expected[4] = {59, -59, 0, 0};
    int8_t got[4];
    tforge_softmax_s8(in, got, 2, 2, &sixteenth); /* two rows: also checks row independence */
    tforge_expect_bytes("logits 1 and 0, then equal", expected, got, 4);
}

static void only_differences_matter(void) {
    int8_t row[10], shifted[10], a[10], b[10];
    unsigned seed = 7u;
    int trial, i, same = 1;
    for (trial = 0; trial < 50; trial++) {
        for (i = 0; i < 10; i++) {
            seed = seed * 1103515245u + 12345u;
            row[i] = (int8_t)((int)((seed >> 16) % 100u) - 50);
            shifted[i] = (int8_t)(row[i] + 60);
        }
        softmax_row(row, a, 10, &sixteenth);
        softmax_row(shifted, b, 10, &sixteenth);
        same = same && memcmp(a, b, sizeof a) == 0;
    }
    tforge_expect_true("shifting all logits changes nothing", same);
}

static void shift_31_keeps_only_the_maxima(void) {
    /* scale 100: beta * scale * 2^26 is capped at 2^31 - 1 -> multiplier 2^31 - 1, shift 31,
     * radius 0. The kernel must not shift a signed 1 by 31 (undefined). */
    const tforge_softmax_params huge = {INT32_MAX, 31, 0};
    const int8_t in[3] = {5, 3, 5}, expected[3] = {0, -128, 0};
    int8_t got[3];
    softmax_row(in, got, 3, &huge);
    tforge_expect_bytes("left shift 31", expected, got, 3);
}

static void runs_in_place(void) {
    int8_t buf[2] = {16, 0};
    const int8_t expected[2] = {59, -59};
    softmax_row(buf, buf, 2, &sixteenth);
    tforge_expect_bytes("in place", expected, buf, 2);
}

/* exp(x) for x <= 0 in double without libm (the test runner links no -lm): halve x until it is
 * tiny, sum the Taylor series there, square back. Good to ~1e-14, far below what is tested. */
static double reference_exp(double x) {
    double term = 1.0, sum = 1.0;
    int halvings = 0, i;
    while (x < -1.0 / 1024) {
        x /= 2;
        halvings++;
    }
    for (i = 1; i < 8; i++) {
        term *= x / i;
        sum += term;
    }
    for (i = 0; i < halvings; i++) {
        sum *= sum;
    }
    return sum;
}

static double absolute(double x) { return x < 0 ? -x : x; }

static void exp_and_reciprocal_are_accurate(void) {
    /* The 4th-order Taylor step leaves at most (1/8)^5 / 5! = 2.5e-7 of error. */
    const double q0 = 2147483648.0, q5 = 67108864.0, tolerance = 3e-7;
    double worst_exp = 0, worst_recip = 0;
    int32_t raw;
    long r;
    for (raw = 0; raw >= -(31 << 26); raw -= 9973) {
        const double err =
            absolute(tforge_fp_exp_on_negative_values(raw, 5) / q0 - reference_exp(raw / q5));
        worst_exp = err > worst_exp ? err : worst_exp;
    }
    for (r = 0; r < 2147483647L; r += 1000003L) {
        const double x = (double)r / q0;
        const double err =
            absolute(tforge_fp_one_over_one_plus_x((int32_t)r) / q0 - 1.0 / (1.0 + x));
        worst_recip = err > worst_recip ? err : worst_recip;
    }
    tforge_expect_true("exp on [-31, 0] within 3e-7", worst_exp < tolerance);
    tforge_expect_true("1 / (1 + x) on [0, 1) within 3e-7", worst_recip < tolerance);
    tforge_expect_true("exp(0) is the largest Q0 value",
                       tforge_fp_exp_on_negative_values(0, 5) == INT32_MAX);
}

/* micro_speech "yes": t006 (scale float32 0x3dbbddf2 = 0.0917319208) -> t009. */
static const tforge_softmax_params micro_speech = {1575942400, 23, -248};
/* person_detect: t031 (scale float32 0x3c4d1b73 = 0.0125187514) -> t087. */
static const tforge_softmax_params person_detect = {1720564096, 20, -1984};

/* tinymaix_mnist_resnet_q: t018 (scale float32 0x3ea2cfcb = 0.317991585) -> t019. */
static const tforge_softmax_params tinymaix = {1365763456, 25, -62};

static void golden(const char *models, const char *model, const char *test_case, int input,
                   int output, int32_t depth, const tforge_softmax_params *p) {
    char in_path[128], out_path[128];
    int8_t *in, *expected;
    int8_t got[16];
    sprintf(in_path, "%s/tensors/%s/t%03d.bin", model, test_case, input);
    sprintf(out_path, "%s/tensors/%s/t%03d.bin", model, test_case, output);
    in = tforge_read_golden(models, in_path, (size_t)depth, NULL);
    expected = tforge_read_golden(models, out_path, (size_t)depth, NULL);
    if (in != NULL && expected != NULL) {
        softmax_row(in, got, depth, p);
        tforge_expect_bytes(out_path, expected, got, (size_t)depth);
    }
    free(in);
    free(expected);
}

int main(int argc, char **argv) {
    const char *models = argc > 1 ? argv[1] : NULL;
    equal_logits_share_evenly();
    beyond_the_radius_is_zero();
    one_logit_apart();
    only_differences_matter();
    shift_31_keeps_only_the_maxima();
    runs_in_place();
    exp_and_reciprocal_are_accurate();
    golden(models, "micro_speech", "yes", 6, 9, 4, &micro_speech);
    golden(models, "person_detect", "person", 31, 87, 2, &person_detect);
    golden(models, "person_detect", "no_person", 31, 87, 2, &person_detect);
    golden(models, "tinymaix_mnist_resnet_q", "digit0", 18, 19, 10, &tinymaix);
    golden(models, "tinymaix_mnist_resnet_q", "digit1", 18, 19, 10, &tinymaix);
    golden(models, "tinymaix_mnist_resnet_q", "seed1", 18, 19, 10, &tinymaix);
    return tforge_test_summary();
}
