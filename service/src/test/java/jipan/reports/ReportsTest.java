package jipan.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jipan.core.CustomerFacts;
import jipan.core.CustomerUpsert;
import jipan.core.facts.Customer;
import jipan.core.facts.PayType;
import jipan.core.facts.ServiceType;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.TestDatabases;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The seed examples of SPEC §4, reproduced on a real H2 and a real PostgreSQL. */
class ReportsTest {
    private static final Clock NOW = Clock.fixed(LocalDate.of(2013, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    /** A customer with one vehicle, visiting on the given dates for the given amount each. */
    private static CustomerUpsert customer(String id, String region, BigDecimal amount, LocalDate... dates) {
        String vin = (id + "VVVVVVVVVVVVVVVVV").substring(0, 17);
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            visits.add(new Visit(id + "-" + i, vin, dates[i], null, PayType.CUSTOMER_PAY, ServiceType.MAINTENANCE, amount));
        }
        return CustomerUpsert.complete(new CustomerFacts(
                new Customer(id, null, null, region, null, null, null, false, false),
                List.of(new Vehicle(vin, null, null, null, false, false)), visits,
                List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void monthlyChurnOfTheSeed100VisitedIn2010_08And88Returned(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            List<CustomerUpsert> customers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                LocalDate back = i < 88 ? LocalDate.of(2010, 9 + i % 4, 1 + i % 28) // returned by 2011-02 …
                        : LocalDate.of(2011, 3, 1);                                     // … or only after
                customers.add(customer(String.format("M%03d", i), "惠城区", BigDecimal.TEN, LocalDate.of(2010, 8, 1 + i % 31), back));
            }
            customers.add(customer("NOT-IN-COHORT", "惠城区", BigDecimal.TEN, LocalDate.of(2010, 9, 3)));
            new CustomerStore(database.jdbi()).upsert(customers);

            Reports.MonthlyChurn churn = new Reports(database.jdbi(), NOW).monthlyChurn(YearMonth.of(2011, 2));

            assertThat(churn.cohortMonth()).isEqualTo(YearMonth.of(2010, 8));
            assertThat(churn.cohort()).isEqualTo(100);
            assertThat(churn.returned()).isEqualTo(88);
            assertThat(churn.churn()).isEqualByComparingTo("0.12");
            assertThat(churn.formula()).contains("2010-08", "2010-09", "2011-02");
            assertThat(new Reports(database.jdbi(), NOW).monthlyChurnSeries(YearMonth.of(2011, 2)))
                    .hasSize(12).last().isEqualTo(churn);
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void annualChurnCountsVehiclesOfTheYearBeforeLastThatDidNotComeBack(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            new CustomerStore(database.jdbi()).upsert(List.of(
                    customer("A1", "惠城区", BigDecimal.TEN, LocalDate.of(2011, 9, 30), LocalDate.of(2012, 9, 30)),
                    customer("A2", "惠城区", BigDecimal.TEN, LocalDate.of(2010, 10, 1)),
                    customer("A3", "惠城区", BigDecimal.TEN, LocalDate.of(2010, 9, 30)),
                    customer("A4", "惠城区", BigDecimal.TEN, LocalDate.of(2011, 5, 1), LocalDate.of(2011, 10, 1))));

            Reports.AnnualChurn churn = new Reports(database.jdbi(), NOW).annualChurn(LocalDate.of(2012, 9, 30));

            // cohort: A1 (2011-09-30), A2 (2010-10-01), A4; A3 is on the exclusive edge. Lost: A2.
            assertThat(churn.cohort()).isEqualTo(3);
            assertThat(churn.lost()).isEqualTo(1);
            assertThat(churn.churn()).isEqualByComparingTo("0.3333");
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void absoluteAndRelativeChurnOfTheSeed500Customers25LostWhoSpentThreeTimesTheAverage(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            LocalDate baseYear = LocalDate.of(2011, 3, 1);
            List<CustomerUpsert> customers = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                boolean lost = i < 25;
                // the lost spent 285 in the base year, three times the average of 95 (475 others spent 85)
                customers.add(customer(String.format("R%03d", i), "惠城区", new BigDecimal(lost ? "285" : "85"),
                        lost ? new LocalDate[] {baseYear} : new LocalDate[] {baseYear, LocalDate.of(2012, 3, 1)}));
            }
            new CustomerStore(database.jdbi()).upsert(customers);
            // the later visit of the 475 adds 85 each to this year's spend: growth is measured on it too
            Reports reports = new Reports(database.jdbi(), NOW);

            Reports.SpendChurn churn = reports.spendChurn(LocalDate.of(2012, 9, 30));

            assertThat(churn.customers()).isEqualTo(500);
            assertThat(churn.lost()).isEqualTo(25);
            assertThat(churn.averageSpend()).isEqualByComparingTo("95");
            assertThat(churn.averageSpendOfLost()).isEqualByComparingTo("285");
            assertThat(churn.absoluteChurn()).isEqualByComparingTo("0.05");
            assertThat(churn.relativeChurn()).isEqualByComparingTo("0.15");

            Reports.Growth growth = reports.growth(LocalDate.of(2011, 10, 1), LocalDate.of(2012, 9, 30));
            assertThat(growth.previousRevenue()).isEqualByComparingTo("47500");
            assertThat(growth.revenue()).isEqualByComparingTo("40375");
            assertThat(growth.revenueGrowth()).isEqualByComparingTo("-0.15");
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void theSeedStructureRowOf584CustomersWith2914VisitsAnd1392000Cny(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            // seed 003, 2011-09-30..2012-09-30, ">=4": 584 customers, 2914 visits, 1,392,000 CNY
            List<CustomerUpsert> customers = new ArrayList<>();
            LocalDate d = LocalDate.of(2012, 1, 2);
            for (int i = 0; i < 584; i++) {
                int visits = i < 578 ? 5 : 4;
                LocalDate[] dates = new LocalDate[visits];
                for (int v = 0; v < visits; v++) {
                    dates[v] = d.plusDays(v * 30L);
                }
                customers.add(customer(String.format("T%03d", i), "惠城区", new BigDecimal("477.69"), dates));
            }
            // 2914 visits of 477.69 make 1,391,988.66: one more visit-free customer is not needed, the
            // remaining 11.34 CNY go to one repair order
            CustomerFacts first = customers.get(0).facts();
            List<Visit> visits = new ArrayList<>(first.visits());
            Visit top = visits.get(0);
            visits.set(0, new Visit(top.getRoNumber(), top.getVin(), top.getDate(), null, top.getPayType(),
                    top.getServiceType(), new BigDecimal("489.03")));
            customers.set(0, CustomerUpsert.complete(new CustomerFacts(first.customer(), first.vehicles(), visits,
                    List.of(), List.of(), List.of(), List.of(), List.of())));
            new CustomerStore(database.jdbi()).upsert(customers);

            Reports.StructureLine regulars = new Reports(database.jdbi(), NOW)
                    .structure(LocalDate.of(2011, 10, 1), LocalDate.of(2012, 9, 30), "none").get(0);

            assertThat(regulars.bucket()).isEqualTo(">=4");
            assertThat(regulars.customers()).isEqualTo(584);
            assertThat(regulars.visits()).isEqualTo(2914);
            assertThat(regulars.revenue()).isEqualByComparingTo("1392000");
            assertThat(regulars.averageTicket()).isEqualByComparingTo("477.69");   // the seed rounds to 477.7
            assertThat(regulars.perVehicle()).isEqualByComparingTo("2383.56");     // the seed prints 2383.7
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void structureReproducesTheSeedArithmetic(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            LocalDate d = LocalDate.of(2012, 3, 1);
            // ">=4": 2 customers, 10 visits, 4,777 CNY → average ticket 477.70, per vehicle 2,388.50
            new CustomerStore(database.jdbi()).upsert(List.of(
                    customer("S1", "惠城区", new BigDecimal("477.70"), d, d.plusDays(1), d.plusDays(2), d.plusDays(3)),
                    customer("S2", "惠城区", new BigDecimal("477.70"), d, d.plusDays(1), d.plusDays(2), d.plusDays(3),
                            d.plusDays(4), d.plusDays(5)),
                    customer("S3", "惠阳区", new BigDecimal("100.00"), d),
                    customer("S4", "惠阳区", new BigDecimal("100.00"), d, LocalDate.of(2012, 10, 1))));
            Reports reports = new Reports(database.jdbi(), NOW);

            List<Reports.StructureLine> all = reports.structure(LocalDate.of(2011, 10, 1), LocalDate.of(2012, 9, 30), "none");

            assertThat(all).extracting(Reports.StructureLine::bucket).containsExactly(">=4", "1");
            Reports.StructureLine regulars = all.get(0);
            assertThat(regulars.customers()).isEqualTo(2);
            assertThat(regulars.visits()).isEqualTo(10);
            assertThat(regulars.revenue()).isEqualByComparingTo("4777.00");
            assertThat(regulars.averageTicket()).isEqualByComparingTo("477.70");
            assertThat(regulars.perVehicle()).isEqualByComparingTo("2388.50");
            assertThat(regulars.customerShare()).isEqualByComparingTo("0.5");
            assertThat(regulars.revenueShare()).isEqualByComparingTo("0.9598");
            assertThat(reports.structure(LocalDate.of(2011, 10, 1), LocalDate.of(2012, 9, 30), "region"))
                    .extracting(Reports.StructureLine::group, Reports.StructureLine::bucket)
                    .containsExactly(Tuple.tuple("惠城区", ">=4"),
                            Tuple.tuple("惠阳区", "1"));
            assertThatThrownBy(() -> reports.structure(LocalDate.of(2012, 1, 1), LocalDate.of(2011, 1, 1), "none"))
                    .hasMessage("from: 2012-01-01 is after to: 2011-01-01");
            assertThatThrownBy(() -> reports.monthlyChurn(YearMonth.of(2013, 2)))
                    .hasMessage("month: 2013-02 is in the future");
        });
    }
}
