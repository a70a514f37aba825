/*
 * The few newlib system calls a C unit test needs on a bare-metal Cortex-M image: printf's text
 * goes out through semihosting (tforge_semihost_write), and a small static heap serves stdio's
 * buffer. Linked only into the test images that run the c-runtime's tests under QEMU.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "semihost.h"

int _write(int file, const char *data, int length);
void *_sbrk(ptrdiff_t increment);
int _close(int file);
int _fstat(int file, struct stat *st);
int _isatty(int file);
int _lseek(int file, int offset, int whence);
int _read(int file, char *data, int length);

int _write(int file, const char *data, int length) {
    char chunk[65];
    int done = 0;
    (void)file;
    while (done < length) {
        int n = length - done < 64 ? length - done : 64;
        int i;
        for (i = 0; i < n; ++i) {
            chunk[i] = data[done + i];
        }
        chunk[n] = '\0';
        tforge_semihost_write(chunk);
        done += n;
    }
    return length;
}

void *_sbrk(ptrdiff_t increment) {
    static uint8_t heap[8192] __attribute__((aligned(8)));
    static size_t used = 0;
    void *start;
    if (increment < 0 || used + (size_t)increment > sizeof heap) {
        errno = ENOMEM;
        return (void *)-1;
    }
    start = heap + used;
    used += (size_t)increment;
    return start;
}

int _close(int file) {
    (void)file;
    return -1;
}

int _fstat(int file, struct stat *st) {
    (void)file;
    st->st_mode = S_IFCHR;
    return 0;
}

int _isatty(int file) {
    (void)file;
    return 1;
}

int _lseek(int file, int offset, int whence) {
    (void)file, (void)offset, (void)whence;
    return 0;
}

int _read(int file, char *data, int length) {
    (void)file, (void)data, (void)length;
    return 0;
}
