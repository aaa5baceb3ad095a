package jipan.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jipan.db.NightlyDao;
import jipan.db.TestDatabases;
import jipan.db.WorkOwner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each store's night is taken by one instance, whichever are up: three "instances" (owners) on one database try every
 * store of a group's night at the same moment, and each store-night has exactly one taker; a night whose taker
 * stopped (no heartbeat) is taken over by one other instance.
 */
class NightClaimTest {

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void everyStoresNightIsTakenOnceAndAStoppedInstancesNightOnceAgain(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            List<WorkOwner> owners = List.of(new WorkOwner("instance-a", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                    new WorkOwner("instance-b", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                    new WorkOwner("instance-c", Duration.ofSeconds(1), Duration.ofSeconds(2)));
            LocalDate night = LocalDate.of(2026, 12, 3);
            List<String> stores = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                stores.add("S" + i);
            }
            Map<String, List<String>> takers = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(owners.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (WorkOwner owner : owners) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (String store : stores) {
                            if (NightlyPipeline.take(database.jdbi(), owner, store, night)) {
                                takers.computeIfAbsent(store, s -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                        .add(owner.id());
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(takers.keySet()).containsExactlyInAnyOrderElementsOf(stores);
            assertThat(takers.values()).allSatisfy(list -> assertThat(list).hasSize(1));
            for (String store : stores) {
                assertThat(database.jdbi().withExtension(NightlyDao.class, dao -> dao.find(store, night))
                        .orElseThrow().owner()).isEqualTo(takers.get(store).get(0));
            }

            // S1's taker stops: once its heartbeat is older than staleAfter, exactly one other instance takes it over
            String stopped = takers.get("S1").get(0);
            WorkOwner other = owners.stream().filter(o -> !o.id().equals(stopped)).findFirst().orElseThrow();
            WorkOwner third = owners.stream().filter(o -> !o.id().equals(stopped) && o != other).findFirst()
                    .orElseThrow();
            assertThat(NightlyPipeline.take(database.jdbi(), other, "S1", night)).as("alive: not taken").isFalse();
            Thread.sleep(2_500);
            assertThat(NightlyPipeline.take(database.jdbi(), other, "S1", night)).isTrue();
            assertThat(NightlyPipeline.take(database.jdbi(), third, "S1", night)).as("just taken over").isFalse();
        });
    }
}
