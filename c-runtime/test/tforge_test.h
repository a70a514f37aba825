/*
 * The smallest test harness the C runtime needs. A test file defines one function per case,
 * runs them with TFORGE_RUN(case) from main() and ends with `return tforge_test_summary();`.
 * The last line printed is "N passed, M failed", which CRuntimeUnitTest checks along with the
 * exit status (non-zero when anything failed).
 */
#ifndef TFORGE_TEST_H
#define TFORGE_TEST_H

#include <stdint.h>
#include <stdio.h>

typedef struct {
    int passed;
    int failed;
    int failures_in_case; /* checks that failed in the case now running */
} tforge_test_state;

static tforge_test_state tforge_test = {0, 0, 0};

static inline void tforge_test_fail(const char *file, int line, const char *what) {
    printf("  FAIL %s:%d: %s\n", file, line, what);
    tforge_test.failures_in_case++;
}

static inline void tforge_test_run(void (*test_case)(void), const char *name) {
    tforge_test.failures_in_case = 0;
    test_case();
    if (tforge_test.failures_in_case == 0) {
        tforge_test.passed++;
        printf("ok   %s\n", name);
    } else {
        tforge_test.failed++;
        printf("FAIL %s\n", name);
    }
}

static inline int tforge_test_summary(void) {
    printf("%d passed, %d failed\n", tforge_test.passed, tforge_test.failed);
    return tforge_test.failed == 0 ? 0 : 1;
}

#define TFORGE_RUN(test_case) tforge_test_run(test_case, #test_case)

#define CHECK(condition)                                        \
    do {                                                        \
        if (!(condition)) {                                     \
            tforge_test_fail(__FILE__, __LINE__, #condition);   \
        }                                                       \
    } while (0)

/* Compares as long long so that every integer type prints its real value. */
#define CHECK_EQ_INT(expected, actual)                                                      \
    do {                                                                                    \
        const long long tforge_e_ = (long long)(expected);                                  \
        const long long tforge_a_ = (long long)(actual);                                    \
        if (tforge_e_ != tforge_a_) {                                                       \
            printf("  expected %s == %lld, got %lld\n", #actual, tforge_e_, tforge_a_);     \
            tforge_test_fail(__FILE__, __LINE__, #expected " == " #actual);                 \
        }                                                                                   \
    } while (0)

/* Element-by-element, reporting every differing index (CMSIS-NN's validate.h does the same). */
#define CHECK_EQ_S8_ARRAY(expected, actual, count)                                          \
    do {                                                                                    \
        const int8_t *tforge_e_ = (expected);                                               \
        const int8_t *tforge_a_ = (actual);                                                 \
        int tforge_i_;                                                                      \
        for (tforge_i_ = 0; tforge_i_ < (int)(count); ++tforge_i_) {                        \
            if (tforge_e_[tforge_i_] != tforge_a_[tforge_i_]) {                             \
                printf("  %s[%d]: expected %d, got %d\n", #actual, tforge_i_,               \
                       tforge_e_[tforge_i_], tforge_a_[tforge_i_]);                         \
                tforge_test_fail(__FILE__, __LINE__, #expected " == " #actual);             \
            }                                                                               \
        }                                                                                   \
    } while (0)

#endif
