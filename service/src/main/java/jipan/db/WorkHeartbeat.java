package jipan.db;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jipan.concurrent.NamedThreads;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the store, every {@link WorkOwner#heartbeat()}, that this instance is alive: the heartbeat of each
 * classification run and import it owns is renewed. Another instance that starts leaves that work alone; once the
 * heartbeats stop for {@link WorkOwner#staleAfter()} (the instance was killed), the work counts as abandoned.
 */
public final class WorkHeartbeat implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(WorkHeartbeat.class);

    private final Jdbi jdbi;
    private final WorkOwner owner;
    private ScheduledExecutorService beats;

    public WorkHeartbeat(Jdbi jdbi, WorkOwner owner) {
        this.jdbi = jdbi;
        this.owner = owner;
    }

    @Override
    public void start() {
        beats = NamedThreads.daemon("work-heartbeat").scheduled();
        long millis = owner.heartbeat().toMillis();
        beats.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One heartbeat; a failure (the database away for a moment) is logged and the next one tried. */
    void beat() {
        try {
            jdbi.useTransaction(handle -> {
                handle.attach(ClassificationRunDao.class).heartbeat(owner.id());
                handle.attach(ImportJobDao.class).heartbeat(owner.id());
                handle.attach(NightlyDao.class).heartbeat(owner.id());
            });
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of {} not written: {}", owner.id(), e.toString());
        }
    }

    @Override
    public void stop() {
        NamedThreads.close(beats, Duration.ofSeconds(5));
    }
}
