/*
 * Executed-instruction counter for Cortex-M images run under QEMU with `-icount shift=0`.
 *
 * QEMU models no cycles (DWT->CYCCNT reads 0), but with -icount shift=0 its virtual clock advances
 * exactly 1 ns per executed instruction, and SysTick, clocked from the core clock, counts that
 * virtual time. So SysTick ticks x (1e9 / core clock) = executed instructions: exact and identical
 * from run to run, at a resolution of one tick (40 instructions on the 25 MHz mps2 boards). On
 * real hardware the same calls measure time in core-clock units instead.
 *
 * Usage (one measurement at a time; startup.c already started the counter):
 *     tforge_icount_begin();
 *     model_invoke(input, output);
 *     uint64_t executed = tforge_icount_end();
 */
#ifndef TFORGE_ICOUNT_H
#define TFORGE_ICOUNT_H

#include <stdint.h>

/* The SysTick clock: the core clock of QEMU's mps2 machines (mps3-an547 runs at 32 MHz). */
#ifndef TFORGE_SYSTICK_HZ
#define TFORGE_SYSTICK_HZ 25000000u
#endif

/* Starts SysTick from the core clock with its interrupt counting wrap-arounds, and waits for the
 * first reload (QEMU reads 0 until then). startup.c calls it before main. */
void tforge_icount_start(void);

/* Instructions executed since tforge_icount_start, in steps of one SysTick tick. */
uint64_t tforge_icount_now(void);

/* Marks the start of a measured section; tforge_icount_end returns what ran since. */
void tforge_icount_begin(void);
uint64_t tforge_icount_end(void);

#endif /* TFORGE_ICOUNT_H */
