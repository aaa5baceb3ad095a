package jipan.spark;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import jipan.core.CustomerFacts;
import jipan.core.facts.Complaint;
import jipan.core.facts.Contact;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Lead;
import jipan.core.facts.Referral;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The customer store's nine fact tables (the eight of customers' facts and the outcomes of tasks, which the rules
 * read as contacts), by the store's own table and column names (the service's Flyway migrations), read from the store over JDBC or from Parquet files the {@code export} command wrote. A JDBC
 * read is split by customer id ranges, one Spark partition each, so every table of a range is read by the same
 * task's query.
 */
public final class StoreTables {
    /** Table → its columns as Spark types, in the store's column order. */
    static final Map<String, StructType> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("customer", schema("id:string", "name:string", "phone:string", "region:string", "industry:string",
                "birth_year:int", "kind:string", "negative_publicity:boolean", "leads_passed_first:boolean",
                "store:string"));
        SCHEMAS.put("vehicle", schema("vin:string", "customer_id:string", "model:string", "purchase_date:date",
                "warranty_end:date", "bought_here:boolean", "installment:boolean"));
        SCHEMAS.put("visit", schema("ro_number:string", "customer_id:string", "vin:string", "visit_date:date",
                "mileage:int", "pay_type:string", "service_type:string", "amount:decimal", "advisor:string"));
        SCHEMAS.put("sales_lead", schema("lead_id:string", "customer_id:string", "model:string", "created_on:date",
                "closed_on:date", "status:string", "defeat_reason:string", "competitor_brand:string",
                "competitor_model:string", "follow_ups:int", "last_follow_up:date", "consultant:string"));
        SCHEMAS.put("complaint", schema("customer_id:string", "seq:int", "complaint_date:date", "subject:string",
                "resolved:boolean", "answered_on:date", "resolved_on:date"));
        SCHEMAS.put("event_attendance", schema("customer_id:string", "seq:int", "event_id:string", "event_date:date",
                "attended:boolean", "brought_prospects:int"));
        SCHEMAS.put("referral", schema("customer_id:string", "seq:int", "referral_date:date", "referred_name:string",
                "closed:boolean"));
        SCHEMAS.put("survey", schema("customer_id:string", "seq:int", "survey_date:date", "satisfaction:int",
                "repurchase_intent:int", "recommend:string"));
        // the calls recorded on tasks (the rules read them as contacts); the columns the rules need
        SCHEMAS.put("follow_up_outcome", schema("customer_id:string", "kind:string", "outcome:string",
                "handled_at:timestamp", "churn_reason:string"));
    }

    private StoreTables() {
    }

    private static StructType schema(String... columns) {
        List<StructField> fields = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split(":");
            fields.add(DataTypes.createStructField(parts[0], switch (parts[1]) {
                case "string" -> DataTypes.StringType;
                case "int" -> DataTypes.IntegerType;
                case "boolean" -> DataTypes.BooleanType;
                case "date" -> DataTypes.DateType;
                case "decimal" -> DataTypes.createDecimalType(14, 2);
                case "timestamp" -> DataTypes.TimestampType;
                default -> throw new IllegalArgumentException(parts[1]);
            }, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The tables written as Parquet under {@code directory} ({@code directory/visit}, …). */
    public static Map<String, Dataset<Row>> parquet(SparkSession spark, String directory) {
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        SCHEMAS.keySet().forEach(table -> tables.put(table, spark.read().parquet(directory + "/" + table)));
        return tables;
    }

    /**
     * The tables of the store at {@code url}, each split into {@code partitions} customer id ranges (bounds
     * taken from the ids themselves, so ranges hold about as many customers each).
     */
    public static Map<String, Dataset<Row>> jdbc(SparkSession spark, String url, Properties connection, int partitions)
            throws SQLException {
        List<String> bounds = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, connection);
             Statement statement = db.createStatement()) {
            long customers;
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM customer")) {
                count.next();
                customers = count.getLong(1);
            }
            long step = Math.max(1, (customers + partitions - 1) / Math.max(1, partitions));
            try (ResultSet ids = statement.executeQuery("SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) "
                    + "AS n FROM customer) numbered WHERE MOD(n - 1, " + step + ") = 0 ORDER BY id")) {
                while (ids.next()) {
                    bounds.add(ids.getString(1));
                }
            }
        }
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        // each table's own columns (a table may hold more than the rules read: the outcomes' notes)
        SCHEMAS.forEach((table, schema) -> tables.put(table, lowerCase(spark.read().jdbc(url, table,
                ranges(bounds, table.equals("customer") ? "id" : "customer_id"), connection))
                .selectExpr(schema.fieldNames())));
        return tables;
    }

    /** Column names as PostgreSQL spells them (H2 answers them in capitals). */
    private static Dataset<Row> lowerCase(Dataset<Row> table) {
        return table.toDF(Arrays.stream(table.columns()).map(name -> name.toLowerCase(Locale.ROOT))
                .toArray(String[]::new));
    }

    /** Writes the tables as Parquet under {@code directory}: what the job reads with {@code --parquet}. */
    public static void writeParquet(Map<String, Dataset<Row>> tables, String directory) {
        tables.forEach((table, rows) -> rows.write().mode(SaveMode.Overwrite)
                .parquet(directory + "/" + table));
    }

    /** WHERE clauses covering every id once: below the second bound, between bounds, from the last bound. */
    static String[] ranges(List<String> bounds, String column) {
        if (bounds.size() <= 1) {
            return new String[] {"1 = 1"};
        }
        List<String> ranges = new ArrayList<>();
        ranges.add(column + " < '" + quote(bounds.get(1)) + "'");
        for (int i = 1; i + 1 < bounds.size(); i++) {
            ranges.add(column + " >= '" + quote(bounds.get(i)) + "' AND " + column + " < '" + quote(bounds.get(i + 1)) + "'");
        }
        ranges.add(column + " >= '" + quote(bounds.get(bounds.size() - 1)) + "'");
        return ranges.toArray(String[]::new);
    }

    private static String quote(String id) {
        return id.replace("'", "''");
    }

    /** Customers' facts as the store's tables (what {@code export} writes from a store, and tests from facts). */
    public static Map<String, Dataset<Row>> of(SparkSession spark, List<CustomerFacts> customers) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        SCHEMAS.keySet().forEach(table -> rows.put(table, new ArrayList<>()));
        for (CustomerFacts facts : customers) {
            var c = facts.customer();
            String id = c.getId();
            rows.get("customer").add(RowFactory.create(id, c.getName(), c.getPhone(), c.getRegion(), c.getIndustry(),
                    c.getBirthYear(), name(c.getKind()), c.isNegativePublicity(), c.isLeadsPassedFirst(),
                    // a customer that names no store is the single dealership's, as the service stores it
                    c.getStore() == null ? "default" : c.getStore()));
            for (Vehicle v : facts.vehicles()) {
                rows.get("vehicle").add(RowFactory.create(v.getVin(), id, v.getModel(), date(v.getPurchaseDate()),
                        date(v.getWarrantyEnd()), v.isBoughtHere(), v.isInstallment()));
            }
            for (Visit v : facts.visits()) {
                rows.get("visit").add(RowFactory.create(v.getRoNumber(), id, v.getVin(), date(v.getDate()), v.getMileage(),
                        name(v.getPayType()), name(v.getServiceType()), v.getAmount() == null ? null
                                : v.getAmount().setScale(2, RoundingMode.UNNECESSARY), v.getAdvisor()));
            }
            for (Lead l : facts.leads()) {
                rows.get("sales_lead").add(RowFactory.create(l.getLeadId(), id, l.getModel(), date(l.getCreatedOn()),
                        date(l.getClosedOn()), name(l.getStatus()), name(l.getDefeatReason()), l.getCompetitorBrand(),
                        l.getCompetitorModel(), l.getFollowUps(), date(l.getLastFollowUp()), l.getConsultant()));
            }
            int seq = 0;
            for (Complaint x : facts.complaints()) {
                rows.get("complaint").add(RowFactory.create(id, seq++, date(x.getDate()), name(x.getSubject()), x.isResolved(),
                        date(x.getAnsweredOn()), date(x.getResolvedOn())));
            }
            seq = 0;
            for (EventAttendance x : facts.events()) {
                rows.get("event_attendance").add(RowFactory.create(id, seq++, x.getEventId(), date(x.getDate()),
                        x.isAttended(), x.getBroughtProspects()));
            }
            seq = 0;
            for (Referral x : facts.referrals()) {
                rows.get("referral").add(RowFactory.create(id, seq++, date(x.getDate()), x.getReferredName(), x.isClosed()));
            }
            seq = 0;
            for (Survey x : facts.surveys()) {
                rows.get("survey").add(RowFactory.create(id, seq++, date(x.getDate()), x.getSatisfaction(),
                        x.getRepurchaseIntent(), name(x.getRecommend())));
            }
            for (Contact x : facts.contacts()) {
                rows.get("follow_up_outcome").add(RowFactory.create(id, name(x.getKind()), name(x.getOutcome()),
                        x.getDate() == null ? null : java.sql.Timestamp.valueOf(x.getDate().atStartOfDay()),
                        name(x.getChurnReason())));
            }
        }
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        rows.forEach((table, list) -> tables.put(table, spark.createDataFrame(list, SCHEMAS.get(table))));
        return tables;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

}
