package jipan.db;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The customer-base reports of the dealership practice (issue 28) — grades by group and run, the lifecycle
 * table with its 首保 column, own-sold vehicles, the retained base, growth over existing customers, models,
 * loyalty, defeats by segment and consultant, data quality — in SQL that H2 and PostgreSQL both run.
 * {@code <group>} is always a fixed expression the caller chose from a list, never user text.
 */
public interface BaseReportDao {

    /** Customers of a run per group value and base grade ('NONE': no grade). */
    record GradeCount(String groupValue, String grade, int customers) {
    }

    @SqlQuery("""
            SELECT <group> AS group_value, COALESCE(r.base_grade, 'NONE') AS grade, COUNT(*) AS customers
            FROM classification_result r JOIN customer c ON c.id = r.customer_id
            WHERE r.run_id = :run AND r.customer_id <inStores>
            GROUP BY <group>, COALESCE(r.base_grade, 'NONE')
            """)
    @RegisterConstructorMapper(GradeCount.class)
    List<GradeCount> gradeCounts(@Define("group") String group, @Bind("run") long run);

    /** A customer of a run, as a report cell's list shows them. */
    record RunCustomer(String customerId, String name, String phone, String region, String industry, String tier,
                       String churn, String baseGrade, Integer loyaltyScore) {
    }

    @SqlQuery("""
            SELECT r.customer_id, c.name, c.phone, c.region, c.industry, r.tier, r.churn, r.base_grade, r.loyalty_score
            FROM classification_result r JOIN customer c ON c.id = r.customer_id
            WHERE r.run_id = :run AND <group> = :groupValue AND COALESCE(r.base_grade, 'NONE') = :grade
              AND r.customer_id <inStores>
            ORDER BY r.customer_id LIMIT :limit
            """)
    @RegisterConstructorMapper(RunCustomer.class)
    List<RunCustomer> gradeCell(@Define("group") String group, @Bind("run") long run,
                                @Bind("groupValue") String groupValue, @Bind("grade") String grade,
                                @Bind("limit") int limit);

    /** A store's vehicle, as a key: a VIN is a vehicle of each store that has the car (migration 31). */
    static String vehicleKey(String store, String vin) {
        return store + ' ' + vin;
    }

    /** A store's vehicle's visits in a period, what they brought, and how many were its first maintenance. */
    record VinSpend(String store, String vin, int visits, BigDecimal revenue, int firstMaintenance) {
        public String vehicle() {
            return vehicleKey(store, vin);
        }

        /** By position: the lifecycle table reads one a vehicle. */
        public static final class Mapper implements org.jdbi.v3.core.mapper.RowMapper<VinSpend> {
            @Override
            public VinSpend map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                    throws java.sql.SQLException {
                return new VinSpend(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), rs.getInt(5));
            }
        }
    }

    /**
     * The vehicles with visits in [from, to]: their visits, revenue and first maintenances, read from the indexes
     * of visits by date (V5) and by service type (V22) alone.
     */
    @SqlQuery("""
            SELECT u.store, u.vin, SUM(u.visits) AS visits, SUM(u.revenue) AS revenue,
                   SUM(u.first_maintenance) AS first_maintenance
            FROM (SELECT store, vin, 1 AS visits, COALESCE(amount, 0) AS revenue, 0 AS first_maintenance
                  FROM visit WHERE visit_date >= :from AND visit_date <= :to AND customer_id <inStores>
                  UNION ALL
                  SELECT store, vin, 0, 0, 1 FROM visit WHERE service_type = 'FIRST_MAINTENANCE'
                  AND visit_date >= :from AND visit_date <= :to AND customer_id <inStores>) u
            GROUP BY u.store, u.vin
            """)
    @org.jdbi.v3.sqlobject.statement.UseRowMapper(VinSpend.Mapper.class)
    java.util.stream.Stream<VinSpend> vinSpend(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** A store's vehicle's owner and warranty end. */
    record VehicleWarranty(String store, String vin, String customerId, LocalDate warrantyEnd) {
        public String vehicle() {
            return vehicleKey(store, vin);
        }

        /** By position: the lifecycle table reads every vehicle. */
        public static final class Mapper implements org.jdbi.v3.core.mapper.RowMapper<VehicleWarranty> {
            @Override
            public VehicleWarranty map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                    throws java.sql.SQLException {
                return new VehicleWarranty(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class));
            }
        }
    }

    /** Every vehicle's owner and warranty end, in one pass over the table (cheaper in H2 than a lookup each). */
    @SqlQuery("SELECT store, vin, customer_id, warranty_end FROM vehicle WHERE customer_id <inStores>")
    @org.jdbi.v3.sqlobject.statement.UseRowMapper(VehicleWarranty.Mapper.class)
    java.util.stream.Stream<VehicleWarranty> vehicleWarranties();

    /** A vehicle cohort and how many of it came back, per origin (sold here or not). */
    record OriginCohort(boolean boughtHere, int cohort, int returned) {
    }

    /** Vehicles with a visit in (cohortStart, cohortEnd] and how many visited again in (returnStart, returnEnd], by origin. */
    @SqlQuery("""
            SELECT v.bought_here, COUNT(*) AS cohort,
                   COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM visit r WHERE r.vin = c.vin AND r.store = c.store
                       AND r.visit_date > :returnStart AND r.visit_date <= :returnEnd) THEN 1 ELSE 0 END), 0) AS returned
            FROM (SELECT DISTINCT store, vin FROM visit WHERE visit_date > :cohortStart AND visit_date <= :cohortEnd
                  AND customer_id <inStores>) c
            JOIN vehicle v ON v.store = c.store AND v.vin = c.vin
            GROUP BY v.bought_here
            """)
    @RegisterConstructorMapper(OriginCohort.class)
    List<OriginCohort> vehiclesReturningByOrigin(@Bind("cohortStart") LocalDate cohortStart,
                                                 @Bind("cohortEnd") LocalDate cohortEnd,
                                                 @Bind("returnStart") LocalDate returnStart,
                                                 @Bind("returnEnd") LocalDate returnEnd);

    /** How many customers became base customers in a month: their first visit, or a car bought here. */
    record MonthCount(int firstYear, int firstMonth, int customers) {
    }

    @SqlQuery("""
            SELECT EXTRACT(YEAR FROM f.first_day) AS first_year, EXTRACT(MONTH FROM f.first_day) AS first_month,
                   COUNT(*) AS customers
            FROM (SELECT u.customer_id, MIN(u.first_day) AS first_day
                  FROM (SELECT customer_id, MIN(visit_date) AS first_day FROM visit WHERE customer_id <inStores>
                        GROUP BY customer_id
                        UNION ALL
                        SELECT customer_id, MIN(purchase_date) FROM vehicle
                        WHERE bought_here AND purchase_date IS NOT NULL AND customer_id <inStores>
                        GROUP BY customer_id) u
                  GROUP BY u.customer_id) f
            GROUP BY EXTRACT(YEAR FROM f.first_day), EXTRACT(MONTH FROM f.first_day)
            """)
    @RegisterConstructorMapper(MonthCount.class)
    List<MonthCount> baseCustomersByFirstMonth();

    /** A customer-pay visit: whose, and when. */
    record PaidVisit(String customerId, LocalDate visitDate) {
        /** By position, not by reflection: the retained base reads hundreds of thousands of them. */
        public static final class Mapper implements org.jdbi.v3.core.mapper.RowMapper<PaidVisit> {
            @Override
            public PaidVisit map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                    throws java.sql.SQLException {
                return new PaidVisit(rs.getString(1), rs.getObject(2, LocalDate.class));
            }
        }
    }

    /**
     * The customer-pay visits of [from, to], read from an index alone: visit_by_customer_date_pay for a store's
     * customers, visit_by_pay_date_customer for the group.
     */
    @SqlQuery("""
            SELECT customer_id, visit_date FROM visit
            WHERE pay_type = 'CUSTOMER_PAY' AND visit_date >= :from AND visit_date <= :to AND customer_id <inStores>
            """)
    @org.jdbi.v3.sqlobject.statement.UseRowMapper(PaidVisit.Mapper.class)
    java.util.stream.Stream<PaidVisit> customerPayVisits(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** A visit's customer and amount. */
    record VisitAmount(String customerId, BigDecimal amount) {
        /** By position: growth reads every visit of two periods. */
        public static final class Mapper implements org.jdbi.v3.core.mapper.RowMapper<VisitAmount> {
            @Override
            public VisitAmount map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                    throws java.sql.SQLException {
                return new VisitAmount(rs.getString(1), rs.getBigDecimal(2));
            }
        }
    }

    /** The visits of [from, to] with their customer and amount, from the index that holds them (V2). */
    @SqlQuery("SELECT customer_id, amount FROM visit WHERE visit_date >= :from AND visit_date <= :to"
            + " AND customer_id <inStores>")
    @org.jdbi.v3.sqlobject.statement.UseRowMapper(VisitAmount.Mapper.class)
    java.util.stream.Stream<VisitAmount> visitAmounts(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Vehicles of one model with visits in a period, and what they brought. */
    record ModelRow(String model, int vehicles, int customers, int visits, BigDecimal revenue) {
    }

    @SqlQuery("""
            SELECT m.model, SUM(m.vehicles) AS vehicles, COUNT(*) AS customers, SUM(m.visits) AS visits,
                   SUM(m.revenue) AS revenue
            FROM (SELECT COALESCE(v.model, '') AS model, v.customer_id, COUNT(*) AS vehicles, SUM(t.visits) AS visits,
                         SUM(t.revenue) AS revenue
                  FROM (SELECT store, vin, COUNT(*) AS visits, COALESCE(SUM(amount), 0) AS revenue
                        FROM visit WHERE visit_date >= :from AND visit_date <= :to AND customer_id <inStores>
                        GROUP BY store, vin) t
                  JOIN vehicle v ON v.store = t.store AND v.vin = t.vin
                  GROUP BY COALESCE(v.model, ''), v.customer_id) m
            GROUP BY m.model
            ORDER BY SUM(m.revenue) DESC, 1
            """)
    @RegisterConstructorMapper(ModelRow.class)
    List<ModelRow> models(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Customers of a run per group and loyalty level, with the sums of their score and its parts. */
    record LoyaltyRow(String groupValue, String level, int customers, long score, long satisfaction,
                      long maintenance, long activity, long advocacy, int withParts) {
    }

    @SqlQuery("""
            SELECT <group> AS group_value, r.loyalty_level AS level, COUNT(*) AS customers,
                   COALESCE(SUM(r.loyalty_score), 0) AS score,
                   COALESCE(SUM(r.loyalty_satisfaction), 0) AS satisfaction,
                   COALESCE(SUM(r.loyalty_maintenance), 0) AS maintenance,
                   COALESCE(SUM(r.loyalty_activity), 0) AS activity, COALESCE(SUM(r.loyalty_advocacy), 0) AS advocacy,
                   COUNT(r.loyalty_satisfaction) AS with_parts
            FROM classification_result r JOIN customer c ON c.id = r.customer_id
            WHERE r.run_id = :run AND r.loyalty_level IS NOT NULL AND r.customer_id <inStores>
            GROUP BY <group>, r.loyalty_level
            """)
    @RegisterConstructorMapper(LoyaltyRow.class)
    List<LoyaltyRow> loyalty(@Define("group") String group, @Bind("run") long run);

    /** Customers of a run per loyalty score. */
    record ScoreCount(int score, int customers) {
    }

    @SqlQuery("""
            SELECT loyalty_score AS score, COUNT(*) AS customers FROM classification_result
            WHERE run_id = :run AND loyalty_score IS NOT NULL AND customer_id <inStores>
            GROUP BY loyalty_score ORDER BY loyalty_score
            """)
    @RegisterConstructorMapper(ScoreCount.class)
    List<ScoreCount> scores(@Bind("run") long run);

    /**
     * Leads closed won or defeated in [from, to], split by whether the prospect was already a customer when the
     * lead was made (a visit, or a car bought, before its creation day).
     */
    record SegmentOutcome(boolean existing, int won, int defeated) {
    }

    @SqlQuery("""
            SELECT s.existing, SUM(CASE WHEN s.status = 'WON' THEN 1 ELSE 0 END) AS won,
                   SUM(CASE WHEN s.status = 'DEFEATED' THEN 1 ELSE 0 END) AS defeated
            FROM (SELECT l.status,
                         CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = l.customer_id
                                           AND v.visit_date < l.created_on)
                                OR EXISTS (SELECT 1 FROM vehicle h WHERE h.customer_id = l.customer_id
                                           AND h.purchase_date < l.created_on) THEN TRUE ELSE FALSE END AS existing
                  FROM sales_lead l
                  WHERE l.status IN ('WON', 'DEFEATED') AND l.closed_on >= :from AND l.closed_on <= :to
                    AND l.customer_id <inStores>) s
            GROUP BY s.existing
            """)
    @RegisterConstructorMapper(SegmentOutcome.class)
    List<SegmentOutcome> outcomesBySegment(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Leads closed won or defeated in [from, to] per sales consultant ('' where none is recorded). */
    record ConsultantOutcome(String consultant, int won, int defeated) {
    }

    @SqlQuery("""
            SELECT COALESCE(consultant, '') AS consultant, SUM(CASE WHEN status = 'WON' THEN 1 ELSE 0 END) AS won,
                   SUM(CASE WHEN status = 'DEFEATED' THEN 1 ELSE 0 END) AS defeated
            FROM sales_lead WHERE status IN ('WON', 'DEFEATED') AND closed_on >= :from AND closed_on <= :to
              AND customer_id <inStores>
            GROUP BY COALESCE(consultant, '')
            ORDER BY 1
            """)
    @RegisterConstructorMapper(ConsultantOutcome.class)
    List<ConsultantOutcome> outcomesByConsultant(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /**
     * Defeated leads closed in [from, to] whose prospect later bought here: a lead of theirs won, or a car sold here
     * bought, after the defeat.
     */
    @SqlQuery("""
            SELECT COUNT(*) AS cohort,
                   COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM sales_lead w WHERE w.customer_id = s.customer_id
                                                  AND w.status = 'WON' AND w.closed_on > s.closed_on)
                                       OR EXISTS (SELECT 1 FROM vehicle h WHERE h.customer_id = s.customer_id
                                                  AND h.bought_here AND h.purchase_date > s.closed_on)
                                     THEN 1 ELSE 0 END), 0) AS returned
            FROM sales_lead s WHERE s.status = 'DEFEATED' AND s.closed_on >= :from AND s.closed_on <= :to
              AND s.customer_id <inStores>
            """)
    @RegisterConstructorMapper(ReportDao.CohortCount.class)
    ReportDao.CohortCount defeatedLaterBought(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** One row behind a data-quality count: the record's key, its customer, and what is wrong or shared. */
    record QualityRow(String rowKey, String customerId, String detail) {
    }

    // Each data-quality check is defined once, here, and both its count and its rows are built from it.
    /** A customer without a phone. */
    String NO_PHONE = "(phone IS NULL OR TRIM(phone) = '')";
    /**
     * The phones more than one customer of a store has, with how many (spaces around them ignored): one person who is
     * a customer of two stores is not a data problem.
     */
    String SHARED_PHONES = "SELECT store, TRIM(phone) AS phone, COUNT(*) AS n FROM customer"
            + " WHERE phone IS NOT NULL AND TRIM(phone) <> '' AND id <inStores>"
            + " GROUP BY store, TRIM(phone) HAVING COUNT(*) > 1";
    /** A vehicle without a purchase date. */
    String NO_PURCHASE_DATE = "purchase_date IS NULL";
    /**
     * The VINs more than one vehicle of a store has, with how many (case and spaces ignored): a car that two stores
     * of a group service is each store's vehicle, not a data problem.
     */
    String REPEATED_VINS = "SELECT store, UPPER(TRIM(vin)) AS vin, COUNT(*) AS n FROM vehicle WHERE customer_id <inStores>"
            + " GROUP BY store, UPPER(TRIM(vin)) HAVING COUNT(*) > 1";
    /** A repair order without a pay type, without a service type, without an amount. */
    String NO_PAY_TYPE = "pay_type IS NULL OR TRIM(pay_type) = ''";
    String NO_SERVICE_TYPE = "service_type IS NULL";
    String NO_AMOUNT = "amount IS NULL";

    /** The counts of the data-quality checks of one table, each with the table's rows. */
    record QualityCounts(int allRows, int checkOne, int checkTwo, int checkThree) {
    }

    /** Customers, those without a phone, and those sharing one with another customer. */
    @SqlQuery("SELECT (SELECT COUNT(*) FROM customer WHERE id <inStores>) AS all_rows,"
            + " (SELECT COUNT(*) FROM customer WHERE " + NO_PHONE + " AND id <inStores>) AS check_one,"
            + " (SELECT COALESCE(SUM(d.n), 0) FROM (" + SHARED_PHONES + ") d) AS check_two,"
            + " 0 AS check_three")
    @RegisterConstructorMapper(QualityCounts.class)
    QualityCounts customerQuality();

    /** Vehicles, those without a purchase date, and those whose VIN repeats. */
    @SqlQuery("SELECT (SELECT COUNT(*) FROM vehicle WHERE customer_id <inStores>) AS all_rows,"
            + " (SELECT COUNT(*) FROM vehicle WHERE " + NO_PURCHASE_DATE + " AND customer_id <inStores>) AS check_one,"
            + " (SELECT COALESCE(SUM(d.n), 0) FROM (" + REPEATED_VINS + ") d) AS check_two,"
            + " 0 AS check_three")
    @RegisterConstructorMapper(QualityCounts.class)
    QualityCounts vehicleQuality();

    /** Repair orders, and those without a pay type, a service type, an amount: one pass over the table. */
    @SqlQuery("SELECT COUNT(*) AS all_rows,"
            + " COALESCE(SUM(CASE WHEN " + NO_PAY_TYPE + " THEN 1 ELSE 0 END), 0) AS check_one,"
            + " COALESCE(SUM(CASE WHEN " + NO_SERVICE_TYPE + " THEN 1 ELSE 0 END), 0) AS check_two,"
            + " COALESCE(SUM(CASE WHEN " + NO_AMOUNT + " THEN 1 ELSE 0 END), 0) AS check_three"
            + " FROM visit WHERE customer_id <inStores>")
    @RegisterConstructorMapper(QualityCounts.class)
    QualityCounts repairOrderQuality();

    @SqlQuery("SELECT id AS row_key, id AS customer_id, name AS detail FROM customer WHERE " + NO_PHONE
            + " AND id <inStores> ORDER BY id LIMIT :limit")
    @RegisterConstructorMapper(QualityRow.class)
    List<QualityRow> noPhone(@Bind("limit") int limit);

    @SqlQuery("SELECT c.id AS row_key, c.id AS customer_id, c.phone AS detail FROM customer c"
            + " JOIN (" + SHARED_PHONES + ") d ON TRIM(c.phone) = d.phone AND c.store = d.store"
            + " ORDER BY d.phone, c.id LIMIT :limit")
    @RegisterConstructorMapper(QualityRow.class)
    List<QualityRow> duplicatePhones(@Bind("limit") int limit);

    @SqlQuery("SELECT vin AS row_key, customer_id, model AS detail FROM vehicle WHERE " + NO_PURCHASE_DATE
            + " AND customer_id <inStores> ORDER BY vin LIMIT :limit")
    @RegisterConstructorMapper(QualityRow.class)
    List<QualityRow> noPurchaseDate(@Bind("limit") int limit);

    @SqlQuery("SELECT v.vin AS row_key, v.customer_id, d.vin AS detail FROM vehicle v"
            + " JOIN (" + REPEATED_VINS + ") d ON UPPER(TRIM(v.vin)) = d.vin AND v.store = d.store"
            + " WHERE v.customer_id <inStores>"
            + " ORDER BY d.vin, v.vin LIMIT :limit")
    @RegisterConstructorMapper(QualityRow.class)
    List<QualityRow> duplicateVins(@Bind("limit") int limit);

    /** Repair orders meeting {@code condition}: one of the checks above (never user text). */
    @SqlQuery("SELECT ro_number AS row_key, customer_id, vin AS detail FROM visit WHERE (<condition>)"
            + " AND customer_id <inStores> ORDER BY ro_number LIMIT :limit")
    @RegisterConstructorMapper(QualityRow.class)
    List<QualityRow> repairOrdersWhere(@Define("condition") String condition, @Bind("limit") int limit);

    /**
     * For each pair of stores, the customers of the first who are customers of the second too — the same phone, or a
     * vehicle of the same VIN — and how many of them visited the second store last; with the first store's customers.
     */
    record SharedRow(String store, String otherStore, int customers, int shared, int wentToOther) {
    }

    @SqlQuery("""
            SELECT p.store, p.other_store, t.customers, p.shared, p.went_to_other
            FROM (SELECT a.store AS store, b.store AS other_store, COUNT(DISTINCT a.id) AS shared,
                         COUNT(DISTINCT CASE WHEN lb.last_visit > COALESCE(la.last_visit, DATE '1900-01-01')
                                             THEN a.id END) AS went_to_other
                  FROM (SELECT a.id AS a_id, b.id AS b_id FROM customer a
                        JOIN customer b ON b.phone = a.phone AND b.store <> a.store
                        WHERE a.phone IS NOT NULL AND a.phone <> ''
                        UNION
                        SELECT x.customer_id, y.customer_id FROM vehicle x
                        JOIN vehicle y ON y.vin = x.vin AND y.store <> x.store) link
                  JOIN customer a ON a.id = link.a_id
                  JOIN customer b ON b.id = link.b_id
                  LEFT JOIN (SELECT customer_id, MAX(visit_date) AS last_visit FROM visit GROUP BY customer_id) la
                       ON la.customer_id = a.id
                  LEFT JOIN (SELECT customer_id, MAX(visit_date) AS last_visit FROM visit GROUP BY customer_id) lb
                       ON lb.customer_id = b.id
                  GROUP BY a.store, b.store) p
            JOIN (SELECT store, COUNT(*) AS customers FROM customer GROUP BY store) t ON t.store = p.store
            ORDER BY p.store, p.other_store
            """)
    @RegisterConstructorMapper(SharedRow.class)
    List<SharedRow> sharedCustomers();

    /** The latest import of a kind: when, which file, how it ended. */
    record LatestImport(String kind, String fileName, String status, java.time.LocalDateTime startedAt, long rowsRead,
                        long imported, long rejected) {
    }

    @SqlQuery("""
            SELECT j.kind, j.file_name, j.status, j.started_at, j.rows_read, j.imported, j.rejected
            FROM import_job j
            WHERE j.id = (SELECT MAX(k.id) FROM import_job k WHERE k.kind = j.kind AND <runStores>)
            ORDER BY j.kind
            """)
    @RegisterConstructorMapper(LatestImport.class)
    List<LatestImport> latestImports();
}
