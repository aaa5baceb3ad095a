package jipan.approval;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jipan.concurrent.NamedThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every second, takes live the approved publish requests whose effective time has come: on every instance, so each
 * swaps at that time (one of them records it; see {@link PublishRequests#goLiveDue}).
 */
public final class ScheduledRequests implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRequests.class);
    static final long EVERY_MILLIS = 1_000;

    private final PublishRequests requests;
    private ScheduledExecutorService scheduler;
    /** The last problem logged, so a store that is away is not logged every second. */
    private String lastProblem;

    public ScheduledRequests(PublishRequests requests) {
        this.requests = requests;
    }

    @Override
    public void start() {
        scheduler = NamedThreads.daemon("scheduled-publish-requests").scheduled();
        scheduler.scheduleWithFixedDelay(this::check, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            requests.goLiveDue();
            lastProblem = null;
        } catch (RuntimeException e) {
            // said once, not every second while the store is away
            if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                LOG.warn("cannot take scheduled publish requests live: {}", e.getMessage());
            }
            lastProblem = String.valueOf(e.getMessage());
        }
    }

    @Override
    public void stop() {
        NamedThreads.close(scheduler, Duration.ofSeconds(5));
    }
}
