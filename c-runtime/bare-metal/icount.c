#include "icount.h"

#define SYST_CSR  (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR  (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR  (*(volatile uint32_t *)0xE000E018u)
#define SCB_ICSR  (*(volatile uint32_t *)0xE000ED04u)

#define SYST_CSR_ENABLE    (1u << 0)
#define SYST_CSR_TICKINT   (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2) /* 1 = core clock, the one -icount ties to instructions */
#define SCB_ICSR_PENDSTSET (1u << 26)

/* SysTick is a 24-bit down-counter; the interrupt extends it to 64 bits. */
#define RELOAD 0x00FFFFFFu
#define INSTRUCTIONS_PER_TICK (1000000000u / TFORGE_SYSTICK_HZ)

static volatile uint32_t wraps;
static uint64_t section_start;

void SysTick_Handler(void);

void SysTick_Handler(void)
{
    wraps++;
}

void tforge_icount_start(void)
{
    SYST_RVR = RELOAD;
    SYST_CVR = 0u; /* any write clears the counter; it reloads on the next tick */
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE;
    while (SYST_CVR == 0u) {
        /* QEMU keeps reading 0 until the first reload: readings before that are meaningless. */
    }
}

uint64_t tforge_icount_now(void)
{
    uint32_t before;
    uint32_t current;
    uint32_t pending;
    do {
        before = wraps;
        current = SYST_CVR;
        pending = SCB_ICSR & SCB_ICSR_PENDSTSET;
    } while (before != wraps);
    /* The counter may have wrapped a moment ago with its interrupt not yet taken: then the
     * reading is high (just reloaded) and the wrap is pending but not counted. */
    uint64_t full_periods = before;
    if (pending != 0u && current > RELOAD / 2u) {
        full_periods++;
    }
    uint64_t ticks = full_periods * ((uint64_t)RELOAD + 1u) + (RELOAD - current);
    return ticks * INSTRUCTIONS_PER_TICK;
}

void tforge_icount_begin(void)
{
    section_start = tforge_icount_now();
}

uint64_t tforge_icount_end(void)
{
    return tforge_icount_now() - section_start;
}
