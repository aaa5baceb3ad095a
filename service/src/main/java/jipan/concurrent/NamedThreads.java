package jipan.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way the service starts threads of its own: daemon threads (a stuck one never keeps the JVM from
 * stopping) named after their job and numbered ({@code run-7-classifier-2}), so a thread dump says who is doing
 * what. Every executor made here is closed by whoever made it, in its {@code stop()} or a {@code finally}, with
 * {@link #close}.
 */
public final class NamedThreads implements ThreadFactory {
    private final String name;
    private final int priority;
    private final AtomicInteger count = new AtomicInteger();

    private NamedThreads(String name, int priority) {
        this.name = name;
        this.priority = priority;
    }

    /** Daemon threads called {@code name-1}, {@code name-2}, … */
    public static NamedThreads daemon(String name) {
        return new NamedThreads(name, Thread.NORM_PRIORITY);
    }

    /** The same at the lowest priority: work that must not slow the requests being answered. */
    public NamedThreads background() {
        return new NamedThreads(name, Thread.MIN_PRIORITY);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setPriority(priority);
        return thread;
    }

    /** {@code threads} threads of this name. */
    public ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, this);
    }

    /** One thread of this name, its tasks run in order. */
    public ExecutorService single() {
        return Executors.newSingleThreadExecutor(this);
    }

    /** One thread of this name for repeated work. */
    public ScheduledExecutorService scheduled() {
        return Executors.newSingleThreadScheduledExecutor(this);
    }

    /** Starts {@code task} on a thread of this name. */
    public Thread start(Runnable task) {
        Thread thread = newThread(task);
        thread.start();
        return thread;
    }

    /**
     * Closes an executor: no new tasks, the running ones given {@code grace} to finish, then interrupted. Returns
     * whether everything had finished. Null (never started) is closed already.
     */
    public static boolean close(ExecutorService executor, Duration grace) {
        if (executor == null) {
            return true;
        }
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        return false;
    }
}
