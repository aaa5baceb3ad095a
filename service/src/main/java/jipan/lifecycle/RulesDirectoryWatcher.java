package jipan.lifecycle;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import jipan.api.RuleOutcome;
import jipan.concurrent.NamedThreads;
import jipan.core.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposes the rules directory to the live rules when one of its rule files ({@code .drl}, {@code .drl.xlsx}) changes. Changes are
 * collected for a short quiet period first, so an editor saving several files causes one reload.
 */
public final class RulesDirectoryWatcher implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(RulesDirectoryWatcher.class);
    private static final long QUIET_MILLIS = 500;

    private final RulePublisher publisher;
    private final Path directory;
    private WatchService watcher;
    private Thread thread;

    public RulesDirectoryWatcher(RulePublisher publisher, Path directory) {
        this.publisher = publisher;
        this.directory = directory;
    }

    @Override
    public void start() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        thread = NamedThreads.daemon("rules-watcher").start(this::watch);
        LOG.info("watching {} for rule changes", directory.toAbsolutePath());
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean drlChanged = key.pollEvents().stream()
                        .anyMatch(event -> RuleFiles.isRuleFile(event.context().toString()));
                key.reset();
                // let a burst of saves settle before compiling
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drlChanged |= more.pollEvents().stream()
                            .anyMatch(event -> RuleFiles.isRuleFile(event.context().toString()));
                    more.reset();
                }
                if (drlChanged) {
                    try {
                        RuleOutcome outcome = publisher.reload("file watch", "changed in " + directory);
                        LOG.info("rules directory changed: {} {}", outcome.accepted() ? "live" : "refused",
                                outcome.version());
                    } catch (RuntimeException e) {
                        LOG.warn("rules directory changed but cannot be read: {}", e.getMessage());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() throws IOException {
        watcher.close();
    }
}
