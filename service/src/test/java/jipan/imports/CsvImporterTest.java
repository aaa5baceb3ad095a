package jipan.imports;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jipan.api.ImportReport;
import jipan.api.RowError;
import jipan.core.CustomerFacts;
import jipan.core.facts.PayType;
import jipan.core.facts.ServiceType;
import jipan.core.facts.Visit;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DMS exports with Chinese headers, UTF-8 and GBK, good and bad rows, on a real H2 and PostgreSQL. */
class CsvImporterTest {
    private static final Path FILES = Path.of("src/test/resources/imports");

    private static ImportReport importFile(CsvImporter importer, ImportKind kind, String file, List<ImportReport> seen)
            throws IOException {
        try (InputStream in = Files.newInputStream(FILES.resolve(file))) {
            return importer.importCsv(kind, in, null, seen::add);
        }
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void importsGoodRowsRejectsBadOnesByLineAndColumnAndIsIdempotent(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CsvImporter importer = new CsvImporter(database.jdbi(), Map.of(), 3);
            List<ImportReport> progress = new ArrayList<>();

            ImportReport customers = importFile(importer, ImportKind.CUSTOMERS, "customers-utf8-bom.csv", progress);
            ImportReport vehicles = importFile(importer, ImportKind.VEHICLES, "vehicles-gbk.csv", progress);
            ImportReport ros = importFile(importer, ImportKind.REPAIR_ORDERS, "repair-orders-gbk.csv", progress);
            ImportReport leads = importFile(importer, ImportKind.LEADS, "leads-utf8.csv", progress);

            assertThat(customers.encoding()).isEqualTo("UTF-8");
            assertThat(customers.imported()).isEqualTo(2);
            assertThat(customers.errors()).containsExactly(
                    new RowError(4, "出生年份", "not a whole number: '19x0'"),
                    new RowError(5, "客户编号", "is empty"));
            assertThat(vehicles.encoding()).isEqualTo("GBK");
            assertThat(vehicles.imported()).isEqualTo(3);
            assertThat(vehicles.errors()).extracting(RowError::line).containsExactlyInAnyOrder(5L, 6L);
            assertThat(vehicles.errors()).anySatisfy(e -> assertThat(e.reason())
                    .isEqualTo("customer D9 is not in the customer store: import the customers export first"));
            assertThat(ros.rowsRead()).isEqualTo(8);
            assertThat(ros.imported()).isEqualTo(4);
            assertThat(ros.errors()).containsExactlyInAnyOrder(
                    new RowError(5, "进厂日期", "not a date (YYYY-MM-DD, YYYY/M/D or YYYY.MM.DD): '2012/02/30'"),
                    new RowError(6, "付费类型", ros.errors().stream().filter(e -> e.line() == 6).findFirst()
                            .orElseThrow().reason()),
                    new RowError(7, "vin", "vehicle LSGPC54U8AF000X00 is not in the customer store: import the vehicles export first"),
                    new RowError(8, "结算金额", "the amount must not be negative (got -5)"));
            assertThat(ros.errors().stream().filter(e -> e.line() == 6).findFirst().orElseThrow().reason())
                    .startsWith("'现金' is not one of CUSTOMER_PAY, WARRANTY, INSURANCE, INTERNAL");
            assertThat(leads.imported()).isEqualTo(2);
            assertThat(progress).allSatisfy(report -> assertThat(report.imported()).isLessThanOrEqualTo(8));

            CustomerStore store = new CustomerStore(database.jdbi());
            CustomerFacts d2 = store.find("D2").orElseThrow();
            assertThat(d2.vehicles()).hasSize(2);
            Visit ro2 = d2.visits().stream().filter(v -> v.getRoNumber().equals("RO-2")).findFirst().orElseThrow();
            assertThat(ro2.getDate()).isEqualTo(LocalDate.of(2011, 11, 20));
            assertThat(ro2.getPayType()).isEqualTo(PayType.CUSTOMER_PAY);
            assertThat(ro2.getServiceType()).isEqualTo(ServiceType.MAINTENANCE);
            assertThat(ro2.getAmount()).isEqualByComparingTo(new BigDecimal("1520.50"));
            assertThat(store.find("D1").orElseThrow().leads().get(0).getCompetitorBrand()).isEqualTo("大众");

            ImportReport again = importFile(importer, ImportKind.REPAIR_ORDERS, "repair-orders-gbk.csv", progress);

            assertThat(again.imported()).isEqualTo(4);
            assertThat(store.find("D2").orElseThrow()).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(d2);
            assertThat(store.count()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aDealersOwnHeadersAreUnderstoodAndMissingColumnsNamed(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            new CsvImporter(database.jdbi(), Map.of(), 100).importCsv(ImportKind.CUSTOMERS,
                    Files.newInputStream(FILES.resolve("customers-utf8-bom.csv")), null, r -> { });
            new CsvImporter(database.jdbi(), Map.of(), 100).importCsv(ImportKind.VEHICLES,
                    Files.newInputStream(FILES.resolve("vehicles-gbk.csv")), null, r -> { });

            ImportReport unknownHeaders = new CsvImporter(database.jdbi(), Map.of(), 100).importCsv(
                    ImportKind.REPAIR_ORDERS, Files.newInputStream(FILES.resolve("repair-orders-dealer-headers.csv")),
                    null, r -> { });
            assertThat(unknownHeaders.status()).isEqualTo(ImportReport.Status.FAILED);
            assertThat(unknownHeaders.failure()).startsWith("line 1: no column for [roNumber, vin, date, payType]");

            CsvImporter dealer = new CsvImporter(database.jdbi(), Map.of(ImportKind.REPAIR_ORDERS, Map.of(
                    "roNumber", List.of("单号"), "vin", List.of("VIN码"), "date", List.of("日期"),
                    "payType", List.of("类型"))), 100);
            ImportReport understood = dealer.importCsv(ImportKind.REPAIR_ORDERS,
                    Files.newInputStream(FILES.resolve("repair-orders-dealer-headers.csv")), null, r -> { });

            assertThat(understood.status()).isEqualTo(ImportReport.Status.DONE);
            assertThat(understood.imported()).isEqualTo(1);
        });
    }
}
