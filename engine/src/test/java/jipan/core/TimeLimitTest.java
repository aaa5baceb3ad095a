package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A customer's time limit counts the CPU time the rules used, not the time the process was paused. */
class TimeLimitTest {
    private final AtomicLong wall = new AtomicLong(1_000);
    private final AtomicLong cpu = new AtomicLong(500);

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void rulesThatKeepTheCpuBusyPastTheLimitAreStopped() {
        TimeLimit limit = new TimeLimit(50, wall::get, cpu::get);
        wall.addAndGet(ms(49));
        cpu.addAndGet(ms(49));
        assertThat(limit.exceeded()).isFalse();
        wall.addAndGet(ms(2));
        cpu.addAndGet(ms(2));
        assertThat(limit.exceeded()).isTrue();
    }

    @Test
    void aPausedProcessIsNotCountedAndTheRestOfTheLimitStillHolds() {
        TimeLimit limit = new TimeLimit(50, wall::get, cpu::get);
        cpu.addAndGet(ms(10));
        wall.addAndGet(ms(20_000)); // frozen for 20 s (SIGSTOP, a long GC, a migrated VM) after 10 ms of work
        assertThat(limit.exceeded()).as("10 ms of CPU used").isFalse();
        wall.addAndGet(ms(39));
        cpu.addAndGet(ms(39));
        assertThat(limit.exceeded()).as("49 ms of CPU used").isFalse();
        wall.addAndGet(ms(2));
        cpu.addAndGet(ms(2));
        assertThat(limit.exceeded()).as("51 ms of CPU used").isTrue();
    }

    @Test
    void withoutAThreadCpuClockTheWallClockIsTheLimit() {
        TimeLimit limit = new TimeLimit(50, wall::get, null);
        wall.addAndGet(ms(50));
        assertThat(limit.exceeded()).isFalse();
        wall.addAndGet(1);
        assertThat(limit.exceeded()).isTrue();
    }
}
