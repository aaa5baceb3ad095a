package jipan.db;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jipan.core.facts.Complaint;
import jipan.core.facts.Contact;
import jipan.core.facts.Customer;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Lead;
import jipan.core.facts.Referral;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindBean;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * The customer store's SQL. Upserts are standard {@code MERGE} statements keyed by the natural keys
 * (customer id, the store and VIN, repair-order number, lead id), which H2 2.x and PostgreSQL 15 both run: storing the
 * same record twice leaves one row, a changed record updates it. A vehicle or repair order takes the store of its
 * customer (a VIN is a record of each store that has it: migration 31).
 */
public interface CustomerDao {

    @SqlBatch("""
            MERGE INTO customer AS t USING (SELECT CAST(:id AS VARCHAR(64)) AS id) AS s ON t.id = s.id
            WHEN MATCHED THEN UPDATE SET name = :name, phone = :phone, region = :region, industry = :industry,
                birth_year = :birthYear, kind = :kind, negative_publicity = :negativePublicity,
                leads_passed_first = :leadsPassedFirst
            WHEN NOT MATCHED THEN INSERT (id, name, phone, region, industry, birth_year, kind, negative_publicity,
                leads_passed_first, store)
                VALUES (:id, :name, :phone, :region, :industry, :birthYear, :kind, :negativePublicity, :leadsPassedFirst,
                    :store)
            """)
    void upsertCustomers(@BindBean List<Customer> customers);

    @SqlBatch("""
            MERGE INTO vehicle AS t
            USING (SELECT c.store, CAST(:vin AS VARCHAR(17)) AS vin FROM customer c WHERE c.id = :customerId) AS s
                ON t.store = s.store AND t.vin = s.vin
            WHEN MATCHED THEN UPDATE SET customer_id = :customerId, model = :model, purchase_date = :purchaseDate,
                warranty_end = :warrantyEnd, bought_here = :boughtHere, installment = :installment
            WHEN NOT MATCHED THEN INSERT (store, vin, customer_id, model, purchase_date, warranty_end, bought_here,
                installment)
                VALUES (s.store, :vin, :customerId, :model, :purchaseDate, :warrantyEnd, :boughtHere, :installment)
            """)
    void upsertVehicles(@Bind("customerId") List<String> customerIds, @BindBean List<Vehicle> vehicles);

    @SqlBatch("""
            MERGE INTO visit AS t
            USING (SELECT c.store, CAST(:roNumber AS VARCHAR(64)) AS ro_number FROM customer c WHERE c.id = :customerId)
                AS s ON t.ro_number = s.ro_number
            WHEN MATCHED THEN UPDATE SET customer_id = :customerId, store = s.store, vin = :vin, visit_date = :date,
                mileage = :mileage, pay_type = :payType, service_type = :serviceType, amount = :amount,
                advisor = :advisor
            WHEN NOT MATCHED THEN INSERT (ro_number, customer_id, store, vin, visit_date, mileage, pay_type, service_type,
                amount, advisor)
                VALUES (:roNumber, :customerId, s.store, :vin, :date, :mileage, :payType, :serviceType, :amount, :advisor)
            """)
    void upsertVisits(@Bind("customerId") List<String> customerIds, @BindBean List<Visit> visits);

    @SqlBatch("""
            MERGE INTO sales_lead AS t USING (SELECT CAST(:leadId AS VARCHAR(64)) AS lead_id) AS s
                ON t.lead_id = s.lead_id
            WHEN MATCHED THEN UPDATE SET customer_id = :customerId, model = :model, created_on = :createdOn,
                closed_on = :closedOn, status = :status, defeat_reason = :defeatReason,
                competitor_brand = :competitorBrand, competitor_model = :competitorModel, follow_ups = :followUps,
                last_follow_up = :lastFollowUp, consultant = :consultant
            WHEN NOT MATCHED THEN INSERT (lead_id, customer_id, model, created_on, closed_on, status, defeat_reason,
                competitor_brand, competitor_model, follow_ups, last_follow_up, consultant)
                VALUES (:leadId, :customerId, :model, :createdOn, :closedOn, :status, :defeatReason,
                    :competitorBrand, :competitorModel, :followUps, :lastFollowUp, :consultant)
            """)
    void upsertLeads(@Bind("customerId") List<String> customerIds, @BindBean List<Lead> leads);

    @SqlUpdate("DELETE FROM complaint WHERE customer_id IN (<customerIds>)")
    void deleteComplaints(@BindList("customerIds") List<String> customerIds);

    @SqlBatch("""
            INSERT INTO complaint (customer_id, seq, complaint_date, subject, resolved, answered_on, resolved_on)
            VALUES (:customerId, :seq, :date, :subject, :resolved, :answeredOn, :resolvedOn)
            """)
    void insertComplaints(@Bind("customerId") List<String> customerIds, @Bind("seq") List<Integer> seq,
                          @BindBean List<Complaint> complaints);

    @SqlUpdate("DELETE FROM event_attendance WHERE customer_id IN (<customerIds>)")
    void deleteEvents(@BindList("customerIds") List<String> customerIds);

    @SqlBatch("""
            INSERT INTO event_attendance (customer_id, seq, event_id, event_date, attended, brought_prospects)
            VALUES (:customerId, :seq, :eventId, :date, :attended, :broughtProspects)
            """)
    void insertEvents(@Bind("customerId") List<String> customerIds, @Bind("seq") List<Integer> seq,
                      @BindBean List<EventAttendance> events);

    @SqlUpdate("DELETE FROM referral WHERE customer_id IN (<customerIds>)")
    void deleteReferrals(@BindList("customerIds") List<String> customerIds);

    @SqlBatch("""
            INSERT INTO referral (customer_id, seq, referral_date, referred_name, closed)
            VALUES (:customerId, :seq, :date, :referredName, :closed)
            """)
    void insertReferrals(@Bind("customerId") List<String> customerIds, @Bind("seq") List<Integer> seq,
                         @BindBean List<Referral> referrals);

    @SqlUpdate("DELETE FROM survey WHERE customer_id IN (<customerIds>)")
    void deleteSurveys(@BindList("customerIds") List<String> customerIds);

    @SqlBatch("""
            INSERT INTO survey (customer_id, seq, survey_date, satisfaction, repurchase_intent, recommend)
            VALUES (:customerId, :seq, :date, :satisfaction, :repurchaseIntent, :recommend)
            """)
    void insertSurveys(@Bind("customerId") List<String> customerIds, @Bind("seq") List<Integer> seq,
                       @BindBean List<Survey> surveys);

    @SqlQuery("SELECT * FROM customer WHERE id = :id")
    @RegisterRowMapper(FactMappers.CustomerRow.class)
    Optional<Customer> findCustomer(@Bind("id") String id);

    @SqlQuery("SELECT COUNT(*) FROM customer WHERE id <inStores>")
    int countCustomers();

    /** The customers stored by {@code until} (the store's clock): those a run started then classifies. */
    @SqlQuery("SELECT COUNT(*) FROM customer WHERE added_at <= :until AND id <inStores>")
    int countCustomersUntil(@Bind("until") LocalDateTime until);

    /**
     * Customers whose id is {@code exact}, or whose name, phone or a vehicle's VIN contains the text of
     * {@code like} (a LIKE pattern escaped with {@code !}), in id order.
     */
    @SqlQuery("""
            SELECT c.id, c.name, c.phone, c.region, c.store FROM customer c
            WHERE (c.id = :exact OR c.name LIKE :like ESCAPE '!' OR c.phone LIKE :like ESCAPE '!'
               OR c.id IN (SELECT v.customer_id FROM vehicle v WHERE v.vin LIKE :like ESCAPE '!'))
              AND c.id <inStores>
            ORDER BY c.id LIMIT :limit
            """)
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(CustomerMatch.class)
    List<CustomerMatch> search(@Bind("exact") String exact, @Bind("like") String like, @Bind("limit") int limit);

    /** A customer found by a search. */
    record CustomerMatch(String id, String name, String phone, String region, String store) {
    }

    /**
     * A page of customers in id order, after {@code afterId} (empty string: from the first), of those stored by
     * {@code until}.
     */
    @SqlQuery("SELECT * FROM customer WHERE id > :afterId AND added_at <= :until AND id <inStores> ORDER BY id LIMIT :limit")
    @RegisterRowMapper(FactMappers.CustomerRow.class)
    List<Customer> customersAfter(@Bind("afterId") String afterId, @Bind("until") LocalDateTime until,
                                  @Bind("limit") int limit);

    @SqlQuery("SELECT * FROM vehicle WHERE customer_id BETWEEN :first AND :last ORDER BY customer_id, vin")
    @UseRowMapper(FactMappers.VehicleRow.class)
    List<Owned<Vehicle>> vehiclesOf(@Bind("first") String first, @Bind("last") String last);

    @SqlQuery("SELECT * FROM visit WHERE customer_id BETWEEN :first AND :last ORDER BY customer_id, visit_date, ro_number")
    @UseRowMapper(FactMappers.VisitRow.class)
    List<Owned<Visit>> visitsOf(@Bind("first") String first, @Bind("last") String last);

    @SqlQuery("SELECT * FROM sales_lead WHERE customer_id BETWEEN :first AND :last ORDER BY customer_id, created_on, lead_id")
    @UseRowMapper(FactMappers.LeadRow.class)
    List<Owned<Lead>> leadsOf(@Bind("first") String first, @Bind("last") String last);

    @SqlQuery("SELECT * FROM complaint WHERE customer_id BETWEEN :first AND :last ORDER BY customer_id, seq")
    @UseRowMapper(FactMappers.ComplaintRow.class)
    List<Owned<Complaint>> complaintsOf(@Bind("first") String first, @Bind("last") String last);

    @SqlQuery("SELECT * FROM event_attendance WHERE customer_id BETWEEN :first AND :last ORDER BY customer_id, seq")
    @UseRowMapper(FactMappers.EventRow.class)
    List<Owned<EventAttendance>> eventsOf(@Bind("first") String first, @Bind("last") String last);

    @SqlQuery("SELECT * FROM referral WHERE customer_id BETWEEN :first AND :last ORDER BY customer_id, seq")
    @UseRowMapper(FactMappers.ReferralRow.class)
    List<Owned<Referral>> referralsOf(@Bind("first") String first, @Bind("last") String last);

    @SqlQuery("SELECT * FROM survey WHERE customer_id BETWEEN :first AND :last ORDER BY customer_id, seq")
    @UseRowMapper(FactMappers.SurveyRow.class)
    List<Owned<Survey>> surveysOf(@Bind("first") String first, @Bind("last") String last);

    /** The calls recorded on the customers' tasks (their outcomes), as the rules read them. */
    @SqlQuery("""
            SELECT customer_id, handled_at, kind, outcome, churn_reason FROM follow_up_outcome
            WHERE customer_id BETWEEN :first AND :last ORDER BY customer_id, handled_at
            """)
    @RegisterRowMapper(FactMappers.ContactRow.class)
    List<Owned<Contact>> contactsOf(@Bind("first") String first, @Bind("last") String last);
}
