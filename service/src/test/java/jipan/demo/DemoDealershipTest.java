package jipan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jipan.api.ImportReport;
import jipan.core.CustomerFacts;
import jipan.core.scenarios.DemoDealership;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.TestDatabases;
import jipan.imports.DmsImporter;
import jipan.imports.ImportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDealershipTest {
    private static final LocalDate UNTIL = LocalDate.of(2012, 9, 30);

    private static List<CustomerFacts> customers(long seed, int count) {
        DemoDealership dealership = new DemoDealership(seed, UNTIL);
        return IntStream.rangeClosed(1, count).mapToObj(dealership::customer).toList();
    }

    /** The facts with vehicles and visits in key order: the store reads a customer's visits by repair order. */
    private static CustomerFacts byKey(CustomerFacts facts) {
        return new CustomerFacts(facts.customer(), facts.vehicles().stream()
                .sorted(java.util.Comparator.comparing(jipan.core.facts.Vehicle::getVin)).toList(),
                facts.visits().stream().sorted(java.util.Comparator.comparing(jipan.core.facts.Visit::getRoNumber)).toList(),
                facts.leads(), facts.complaints(), facts.events(), facts.referrals(), facts.surveys(), List.of());
    }

    @Test
    void theSameSeedGivesTheSameDealershipAndNothingAfterUntil() {
        List<CustomerFacts> first = customers(7, 300);

        assertThat(customers(7, 300)).usingRecursiveComparison().isEqualTo(first);
        assertThat(customers(8, 300)).usingRecursiveComparison().isNotEqualTo(first);
        double visitsPerCustomer = first.stream().mapToInt(c -> c.visits().size()).average().orElse(0);
        assertThat(visitsPerCustomer).isBetween(5.0, 10.0);
        assertThat(first).allSatisfy(customer -> assertThat(customer.visits())
                .allSatisfy(visit -> assertThat(visit.getDate()).isBeforeOrEqualTo(UNTIL)));
        assertThat(first).flatExtracting(CustomerFacts::leads).isNotEmpty();
    }

    @Test
    void itsCsvExportsImportWithoutARejectedRowOrAnUnreadColumnAndGiveBackEveryCustomerAsGenerated(@TempDir Path directory)
            throws Exception {
        try (DemoFiles files = new DemoFiles(directory)) {
            for (CustomerFacts customer : customers(11, 200)) {
                files.write(customer);
            }
        }
        Database database = TestDatabases.open("h2");
        try {
            DmsImporter importer = new DmsImporter(database.jdbi(), Map.of(), 500);
            for (ImportKind kind : ImportKind.values()) {
                try (InputStream in = Files.newInputStream(directory.resolve(kind.cliName() + ".csv"))) {
                    ImportReport report = importer.importCsv(kind, in, null, r -> { });
                    assertThat(report.rejected()).as(kind + ": " + report.errors()).isZero();
                    assertThat(report.imported()).isEqualTo(report.rowsRead());
                    assertThat(report.columns()).as(kind.cliName()).isEqualTo(jipan.api.ColumnReport.NONE);
                }
            }
            CustomerStore store = new CustomerStore(database.jdbi());
            assertThat(store.count()).isEqualTo(200);
            List<CustomerFacts> originals = customers(11, 200);
            assertThat(originals).flatExtracting(CustomerFacts::surveys).isNotEmpty();
            assertThat(originals).flatExtracting(CustomerFacts::events).isNotEmpty();
            assertThat(originals).flatExtracting(CustomerFacts::referrals).isNotEmpty();
            assertThat(originals).anySatisfy(c -> assertThat(c.customer().isLeadsPassedFirst()).isTrue());
            // every fact a customer has comes back from the files: the loyalty score can be fed from imports alone
            Map<String, CustomerFacts> stored = new java.util.HashMap<>();
            store.page("", 1_000).forEach(facts -> stored.put(facts.customer().getId(), facts));
            for (CustomerFacts original : originals) {
                assertThat(stored.get(original.customer().getId()).customer().getStore()).isEqualTo("default");
                assertThat(byKey(stored.get(original.customer().getId()))).usingRecursiveComparison()
                        .ignoringFields("customer.store")
                        .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                        .isEqualTo(byKey(original));
            }
        } finally {
            database.stop();
        }
    }
}
