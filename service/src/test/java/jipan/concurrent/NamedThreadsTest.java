package jipan.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class NamedThreadsTest {

    @Test
    void threadsAreNamedNumberedDaemons() throws Exception {
        ExecutorService pool = NamedThreads.daemon("run-7-classifier").pool(2);
        try {
            Thread first = pool.submit(Thread::currentThread).get();
            assertThat(first.getName()).matches("run-7-classifier-[12]");
            assertThat(first.isDaemon()).isTrue();
            assertThat(first.getPriority()).isEqualTo(Thread.NORM_PRIORITY);
        } finally {
            assertThat(NamedThreads.close(pool, Duration.ofSeconds(5))).isTrue();
        }
        assertThat(pool.isTerminated()).isTrue();
        Thread background = NamedThreads.daemon("warm-up").background().newThread(() -> { });
        assertThat(background.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(background.getName()).isEqualTo("warm-up-1");
    }

    @Test
    void closingWaitsForTheGraceThenInterrupts() throws Exception {
        ExecutorService single = NamedThreads.daemon("stuck").single();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        single.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(NamedThreads.close(single, Duration.ofMillis(50))).as("not finished within the grace").isFalse();
        assertThat(single.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
        assertThat(NamedThreads.close(null, Duration.ZERO)).as("never started").isTrue();
    }
}
