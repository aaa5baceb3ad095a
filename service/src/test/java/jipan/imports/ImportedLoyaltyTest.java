package jipan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jipan.ShippedRules;
import jipan.api.ImportReport;
import jipan.core.Classification;
import jipan.core.LoyaltyResult;
import jipan.core.facts.BaseGrade;
import jipan.core.facts.LoyaltyLevel;
import jipan.core.facts.Recommend;
import jipan.core.facts.Tier;
import jipan.db.CustomerStore;
import jipan.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dealer who only imports files can reach every loyalty point: a customer known from the customers, vehicles,
 * repair-orders, events, referrals and surveys exports (Chinese headers) scores 10 of 10, is LOYAL, and as a
 * tier B customer gets the PREMIUM grade, which needs a score of 8.
 */
class ImportedLoyaltyTest {
    private static final Path FILES = Path.of("src/test/resources/imports/loyal");
    private static final List<ImportKind> ORDER = List.of(ImportKind.CUSTOMERS, ImportKind.VEHICLES,
            ImportKind.REPAIR_ORDERS, ImportKind.EVENTS, ImportKind.REFERRALS, ImportKind.SURVEYS);

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aCustomerKnownOnlyFromImportedFilesReachesEveryLoyaltyPoint(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            DmsImporter importer = new DmsImporter(database.jdbi(), Map.of(), 100);
            for (ImportKind importKind : ORDER) {
                try (InputStream in = Files.newInputStream(FILES.resolve(importKind.cliName() + ".csv"))) {
                    ImportReport report = importer.importCsv(importKind, in, null, r -> { });
                    assertThat(report.rejected()).as(importKind + ": " + report.errors()).isZero();
                    assertThat(report.created()).as(importKind.cliName()).isPositive();
                    assertThat(report.columns().unknownHeaders()).as(importKind.cliName()).isEmpty();
                }
            }
            var facts = new CustomerStore(database.jdbi()).find("L1").orElseThrow();
            assertThat(facts.customer().isLeadsPassedFirst()).isTrue();
            assertThat(facts.surveys()).singleElement().satisfies(survey -> {
                assertThat(survey.getRepurchaseIntent()).isEqualTo(90);
                assertThat(survey.getRecommend()).isEqualTo(Recommend.VERY_LIKELY);
            });

            Classification answer = ShippedRules.classifier(10_000).classify(LocalDate.of(2012, 9, 30), facts);

            assertThat(answer.loyalty()).isEqualTo(new LoyaltyResult(10, 2, 3, 2, 3, LoyaltyLevel.LOYAL));
            assertThat(answer.tier()).isEqualTo(Tier.B);
            assertThat(answer.baseGrade()).isEqualTo(BaseGrade.PREMIUM);

            // a customers export without the flag columns keeps the flags recorded before
            ImportReport again = importer.importCsv(ImportKind.CUSTOMERS, new java.io.ByteArrayInputStream(
                    "客户编号,客户名称,电话,区域,行业,客户类型\nL1,陈先生,13900000001,惠城区,教育,个人\n"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, r -> { });
            assertThat(again.unchanged()).isEqualTo(1);
            assertThat(again.columns().missingFields()).contains("leadsPassedFirst", "negativePublicity");
            assertThat(new CustomerStore(database.jdbi()).find("L1").orElseThrow().customer().isLeadsPassedFirst())
                    .isTrue();
        });
    }
}
