package jipan.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import jipan.core.facts.ChurnReason;
import jipan.core.facts.Complaint;
import jipan.core.facts.Contact;
import jipan.core.facts.ContactOutcome;
import jipan.core.facts.FollowUpKind;
import jipan.core.facts.ComplaintSubject;
import jipan.core.facts.Customer;
import jipan.core.facts.CustomerKind;
import jipan.core.facts.DefeatReason;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Lead;
import jipan.core.facts.LeadStatus;
import jipan.core.facts.PayType;
import jipan.core.facts.Recommend;
import jipan.core.facts.Referral;
import jipan.core.facts.ServiceType;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers from the store's tables to facts, each with the customer it belongs to. */
final class FactMappers {
    private FactMappers() {
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    public static final class CustomerRow implements RowMapper<Customer> {
        @Override
        public Customer map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Customer(rs.getString("id"), rs.getString("name"), rs.getString("phone"),
                    rs.getString("region"), rs.getString("industry"), integer(rs, "birth_year"),
                    enumOf(CustomerKind.class, rs.getString("kind")), rs.getBoolean("negative_publicity"),
                    rs.getBoolean("leads_passed_first"), rs.getString("store"));
        }
    }

    public static final class VehicleRow implements RowMapper<Owned<Vehicle>> {
        @Override
        public Owned<Vehicle> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Owned<>(rs.getString("customer_id"), new Vehicle(rs.getString("vin"), rs.getString("model"),
                    date(rs, "purchase_date"), date(rs, "warranty_end"), rs.getBoolean("bought_here"),
                    rs.getBoolean("installment")));
        }
    }

    public static final class VisitRow implements RowMapper<Owned<Visit>> {
        @Override
        public Owned<Visit> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Owned<>(rs.getString("customer_id"), new Visit(rs.getString("ro_number"), rs.getString("vin"),
                    date(rs, "visit_date"), integer(rs, "mileage"), enumOf(PayType.class, rs.getString("pay_type")),
                    enumOf(ServiceType.class, rs.getString("service_type")), rs.getBigDecimal("amount"),
                    rs.getString("advisor")));
        }
    }

    public static final class LeadRow implements RowMapper<Owned<Lead>> {
        @Override
        public Owned<Lead> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Owned<>(rs.getString("customer_id"), new Lead(rs.getString("lead_id"), rs.getString("model"),
                    date(rs, "created_on"), date(rs, "closed_on"), enumOf(LeadStatus.class, rs.getString("status")),
                    enumOf(DefeatReason.class, rs.getString("defeat_reason")), rs.getString("competitor_brand"),
                    rs.getString("competitor_model"), rs.getInt("follow_ups"), date(rs, "last_follow_up"),
                    rs.getString("consultant")));
        }
    }

    public static final class ComplaintRow implements RowMapper<Owned<Complaint>> {
        @Override
        public Owned<Complaint> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Owned<>(rs.getString("customer_id"), new Complaint(date(rs, "complaint_date"),
                    enumOf(ComplaintSubject.class, rs.getString("subject")), rs.getBoolean("resolved"),
                    date(rs, "answered_on"), date(rs, "resolved_on")));
        }
    }

    public static final class EventRow implements RowMapper<Owned<EventAttendance>> {
        @Override
        public Owned<EventAttendance> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Owned<>(rs.getString("customer_id"), new EventAttendance(rs.getString("event_id"),
                    date(rs, "event_date"), rs.getBoolean("attended"), rs.getInt("brought_prospects")));
        }
    }

    public static final class ReferralRow implements RowMapper<Owned<Referral>> {
        @Override
        public Owned<Referral> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Owned<>(rs.getString("customer_id"), new Referral(date(rs, "referral_date"),
                    rs.getString("referred_name"), rs.getBoolean("closed")));
        }
    }

    public static final class SurveyRow implements RowMapper<Owned<Survey>> {
        @Override
        public Owned<Survey> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Owned<>(rs.getString("customer_id"), new Survey(date(rs, "survey_date"),
                    integer(rs, "satisfaction"), integer(rs, "repurchase_intent"),
                    enumOf(Recommend.class, rs.getString("recommend"))));
        }
    }

    /** A recorded outcome as the rules read it: a call on the day it was recorded (a kind no longer known is left out by the reader). */
    public static final class ContactRow implements RowMapper<Owned<Contact>> {
        @Override
        public Owned<Contact> map(ResultSet rs, StatementContext ctx) throws SQLException {
            java.sql.Timestamp handled = rs.getTimestamp("handled_at");
            return new Owned<>(rs.getString("customer_id"), new Contact(
                    handled == null ? null : handled.toLocalDateTime().toLocalDate(),
                    known(FollowUpKind.class, rs.getString("kind")), known(ContactOutcome.class, rs.getString("outcome")),
                    known(ChurnReason.class, rs.getString("churn_reason"))));
        }
    }

    /** An enum value, or null for none or a name this version does not know. */
    static <E extends Enum<E>> E known(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }
}
