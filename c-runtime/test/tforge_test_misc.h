/*
 * Tiny test helpers for the pooling, add and softmax C tests. Each test file is its own program:
 * it prints one line per failure and, last, "N passed, M failed", and exits non-zero on failure.
 * Golden tensors are read at run time from the models folder given as argv[1], so no generated
 * data lives in the repository; without argv[1] every golden case counts as failed.
 */
#ifndef TFORGE_TEST_MISC_H
#define TFORGE_TEST_MISC_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tforge_tests_passed;
static int tforge_tests_failed;

/* Compares n int8 values; reports the first difference. */
static inline void tforge_expect_bytes(const char *name, const int8_t *expected,
                                       const int8_t *actual, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (expected[i] != actual[i]) {
            printf("FAIL %s: element %lu is %d, expected %d\n", name, (unsigned long)i,
                   actual[i], expected[i]);
            tforge_tests_failed++;
            return;
        }
    }
    tforge_tests_passed++;
}

static inline void tforge_expect_true(const char *name, int condition) {
    if (condition) {
        tforge_tests_passed++;
    } else {
        printf("FAIL %s\n", name);
        tforge_tests_failed++;
    }
}

static inline int tforge_test_summary(void) {
    printf("%d passed, %d failed\n", tforge_tests_passed, tforge_tests_failed);
    return tforge_tests_failed == 0 ? 0 : 1;
}

/*
 * Reads <models_dir>/<relative> into a new buffer of exactly expected_size bytes (0: any size,
 * returned in *size_out). Returns NULL, after counting a failure, when the file is missing or
 * has another size.
 */
static inline int8_t *tforge_read_golden(const char *models_dir, const char *relative,
                                  size_t expected_size, size_t *size_out) {
    char path[1024];
    FILE *f;
    long size;
    int8_t *data;
    if (models_dir == NULL) {
        printf("FAIL %s: no models folder given (argv[1])\n", relative);
        tforge_tests_failed++;
        return NULL;
    }
    sprintf(path, "%.900s/%.100s", models_dir, relative);
    f = fopen(path, "rb");
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
        (expected_size != 0 && (size_t)size != expected_size) || fseek(f, 0, SEEK_SET) != 0) {
        printf("FAIL %s: missing or not %lu bytes\n", path, (unsigned long)expected_size);
        tforge_tests_failed++;
        if (f != NULL) {
            fclose(f);
        }
        return NULL;
    }
    data = (int8_t *)malloc(size > 0 ? (size_t)size : 1u);
    if (data == NULL || fread(data, 1, (size_t)size, f) != (size_t)size) {
        printf("FAIL %s: read error\n", path);
        tforge_tests_failed++;
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    if (size_out != NULL) {
        *size_out = (size_t)size;
    }
    return data;
}

#endif
