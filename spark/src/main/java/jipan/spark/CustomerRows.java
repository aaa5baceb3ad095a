package jipan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jipan.core.CustomerFacts;
import jipan.core.facts.ChurnReason;
import jipan.core.facts.Complaint;
import jipan.core.facts.ComplaintSubject;
import jipan.core.facts.Contact;
import jipan.core.facts.ContactOutcome;
import jipan.core.facts.Customer;
import jipan.core.facts.CustomerKind;
import jipan.core.facts.DefeatReason;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.FollowUpKind;
import jipan.core.facts.Lead;
import jipan.core.facts.LeadStatus;
import jipan.core.facts.PayType;
import jipan.core.facts.Recommend;
import jipan.core.facts.Referral;
import jipan.core.facts.ServiceType;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per customer with all its facts, assembled from the store's tables by Spark (a shuffle by customer
 * id), and read back into the engine's {@link CustomerFacts}. Each list is in the order the service's store
 * reads it (CustomerDao: vehicles by VIN, repair orders by date and number, leads by creation date and id,
 * the others by their sequence), so the rules see the facts in the same order as {@code classify-all}.
 */
final class CustomerRows {
    private CustomerRows() {
    }

    /** The customers with their facts: columns of the customer table, then one array of structs per fact table. */
    static Dataset<Row> assemble(Map<String, Dataset<Row>> tables) {
        Dataset<Row> customers = tables.get("customer");
        // the first fields of each struct are its sort key
        customers = withList(customers, tables.get("vehicle"), "vehicles", "vin", "model", "purchase_date",
                "warranty_end", "bought_here", "installment");
        customers = withList(customers, tables.get("visit"), "visits", "visit_date", "ro_number", "vin", "mileage",
                "pay_type", "service_type", "amount", "advisor");
        customers = withList(customers, tables.get("sales_lead"), "leads", "created_on", "lead_id", "model", "closed_on",
                "status", "defeat_reason", "competitor_brand", "competitor_model", "follow_ups", "last_follow_up",
                "consultant");
        customers = withList(customers, tables.get("complaint"), "complaints", "seq", "complaint_date", "subject", "resolved",
                "answered_on", "resolved_on");
        customers = withList(customers, tables.get("event_attendance"), "events", "seq", "event_id", "event_date",
                "attended", "brought_prospects");
        customers = withList(customers, tables.get("referral"), "referrals", "seq", "referral_date", "referred_name", "closed");
        customers = withList(customers, tables.get("survey"), "surveys", "seq", "survey_date", "satisfaction",
                "repurchase_intent", "recommend");
        customers = withList(customers, tables.get("follow_up_outcome"), "contacts", "handled_at", "kind", "outcome",
                "churn_reason");
        return customers;
    }

    private static Dataset<Row> withList(Dataset<Row> customers, Dataset<Row> table, String name, String... fields) {
        Column[] columns = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = col(fields[i]);
        }
        Dataset<Row> lists = table.groupBy(col("customer_id").as("list_owner"))
                .agg(sort_array(collect_list(struct(columns))).as(name));
        return customers.join(lists, customers.col("id").equalTo(lists.col("list_owner")), "left").drop("list_owner");
    }

    /** The engine's facts of an assembled row. */
    static CustomerFacts facts(Row row) {
        Customer customer = new Customer(row.getAs("id"), row.getAs("name"), row.getAs("phone"), row.getAs("region"),
                row.getAs("industry"), row.getAs("birth_year"), constant(CustomerKind.class, row.getAs("kind")),
                flag(row.getAs("negative_publicity")), flag(row.getAs("leads_passed_first")), row.getAs("store"));
        return new CustomerFacts(customer,
                list(row, "vehicles", v -> new Vehicle(v.getAs("vin"), v.getAs("model"), date(v.getAs("purchase_date")),
                        date(v.getAs("warranty_end")), flag(v.getAs("bought_here")), flag(v.getAs("installment")))),
                list(row, "visits", v -> new Visit(v.getAs("ro_number"), v.getAs("vin"), date(v.getAs("visit_date")),
                        v.getAs("mileage"), constant(PayType.class, v.getAs("pay_type")),
                        constant(ServiceType.class, v.getAs("service_type")), (BigDecimal) v.getAs("amount"),
                        v.getAs("advisor"))),
                list(row, "leads", l -> new Lead(l.getAs("lead_id"), l.getAs("model"), date(l.getAs("created_on")),
                        date(l.getAs("closed_on")), constant(LeadStatus.class, l.getAs("status")),
                        constant(DefeatReason.class, l.getAs("defeat_reason")), l.getAs("competitor_brand"),
                        l.getAs("competitor_model"), l.<Integer>getAs("follow_ups") == null ? 0 : l.<Integer>getAs("follow_ups"),
                        date(l.getAs("last_follow_up")), l.getAs("consultant"))),
                list(row, "complaints", c -> new Complaint(date(c.getAs("complaint_date")),
                        constant(ComplaintSubject.class, c.getAs("subject")), flag(c.getAs("resolved")),
                        date(c.getAs("answered_on")), date(c.getAs("resolved_on")))),
                list(row, "events", e -> new EventAttendance(e.getAs("event_id"), date(e.getAs("event_date")),
                        flag(e.getAs("attended")), e.<Integer>getAs("brought_prospects") == null ? 0 : e.<Integer>getAs("brought_prospects"))),
                list(row, "referrals", r -> new Referral(date(r.getAs("referral_date")), r.getAs("referred_name"),
                        flag(r.getAs("closed")))),
                list(row, "surveys", s -> new Survey(date(s.getAs("survey_date")), s.getAs("satisfaction"),
                        s.getAs("repurchase_intent"), constant(Recommend.class, s.getAs("recommend")))),
                list(row, "contacts", c -> new Contact(day(c.getAs("handled_at")), known(FollowUpKind.class, c.getAs("kind")),
                        known(ContactOutcome.class, c.getAs("outcome")), known(ChurnReason.class, c.getAs("churn_reason")))));
    }

    /** The day of a recorded time (the store keeps outcomes' times in UTC). */
    private static LocalDate day(java.sql.Timestamp time) {
        return time == null ? null : time.toLocalDateTime().toLocalDate();
    }

    /** A constant, or null for none or a name this version does not know (an outcome of a retired task kind). */
    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }

    private static <T> List<T> list(Row row, String field, Function<Row, T> fact) {
        List<Row> rows = row.isNullAt(row.fieldIndex(field)) ? List.of() : row.getList(row.fieldIndex(field));
        List<T> facts = new ArrayList<>(rows.size());
        for (Row each : rows) {
            facts.add(fact.apply(each));
        }
        return facts;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static boolean flag(Boolean value) {
        return value != null && value;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate local ? local : ((Date) value).toLocalDate();
    }
}
