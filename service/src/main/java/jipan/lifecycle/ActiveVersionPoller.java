package jipan.lifecycle;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jipan.concurrent.NamedThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every few seconds, takes up the rule version another instance sharing the database made active. */
public final class ActiveVersionPoller implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveVersionPoller.class);

    private final RulePublisher publisher;
    private final long seconds;
    private ScheduledExecutorService scheduler;

    public ActiveVersionPoller(RulePublisher publisher, long seconds) {
        this.publisher = publisher;
        this.seconds = seconds;
    }

    @Override
    public void start() {
        scheduler = NamedThreads.daemon("rule-version-poller").scheduled();
        scheduler.scheduleWithFixedDelay(this::poll, seconds, seconds, TimeUnit.SECONDS);
    }

    private void poll() {
        try {
            publisher.follow().ifPresent(outcome -> LOG.info("active rule version {} taken up: {}",
                    outcome.version(), outcome.accepted() ? "live" : "refused " + outcome.errors()));
        } catch (RuntimeException e) {
            LOG.warn("cannot read the active rule version: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        NamedThreads.close(scheduler, Duration.ofSeconds(5));
    }
}
