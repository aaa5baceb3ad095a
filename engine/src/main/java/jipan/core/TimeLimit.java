package jipan.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One customer's time limit: the rules may use at most {@code millis} of the classifying thread's CPU time.
 *
 * <p>Why CPU time and not the wall clock: a process that is paused — a long garbage collection, a virtual machine
 * migrated, an instance frozen while others take its work over, two cores shared by more threads than they have —
 * passes wall-clock time without running any rule. Counting that time would stop sound rules half-way, fail the
 * night's run and take a sound rule set out of service. Rule code cannot wait (the verifier refuses threads, I/O and
 * locks), so the time a runaway rule takes is CPU time.
 *
 * <p>Why the wall clock at all: reading the thread's CPU time is a system call, too dear before every firing. The
 * wall clock (cheap) is checked first; only once it has passed the limit is the CPU time read, and if the thread has
 * used less, the deadline moves by what is left. Where the JVM cannot measure a thread's CPU time, the wall clock is
 * the limit.
 */
final class TimeLimit {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final long limitNanos;
    private final LongSupplier wallClock;
    private final LongSupplier cpuClock;
    private final long cpuStart;
    private long deadline;

    /** Starts the limit for the calling thread. */
    static TimeLimit start(long millis) {
        return new TimeLimit(millis, System::nanoTime, CPU_TIME ? THREADS::getCurrentThreadCpuTime : null);
    }

    /** With the clocks given (nanoseconds; {@code cpuClock} null: the wall clock alone). */
    TimeLimit(long millis, LongSupplier wallClock, LongSupplier cpuClock) {
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        this.wallClock = wallClock;
        this.cpuClock = cpuClock;
        this.cpuStart = cpuClock == null ? 0 : cpuClock.getAsLong();
        this.deadline = wallClock.getAsLong() + limitNanos;
    }

    /** True once the rules have used up the limit. */
    boolean exceeded() {
        long now = wallClock.getAsLong();
        if (now - deadline <= 0) {
            return false;
        }
        if (cpuClock == null) {
            return true;
        }
        long used = cpuClock.getAsLong() - cpuStart;
        if (used >= limitNanos) {
            return true;
        }
        deadline = now + (limitNanos - used); // the thread was not running: the time it did not get is not counted
        return false;
    }
}
