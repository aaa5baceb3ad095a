package jipan.db;

import java.util.List;
import jipan.core.facts.Complaint;
import jipan.core.facts.Customer;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Referral;
import jipan.core.facts.Survey;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindBean;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What a CSV import needs besides the customer upserts: the references its rows point to. */
public interface ImportDao {

    // What an import writes of each kind, by key, in the order the importer compares it (DmsImporter.signature).
    @SqlQuery("""
            SELECT id, name, phone, region, industry, birth_year, kind, leads_passed_first, negative_publicity
            FROM customer WHERE id IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedCustomers(@BindList("keys") List<String> keys);

    @SqlQuery("""
            SELECT vin, customer_id, model, purchase_date, warranty_end, bought_here, installment
            FROM vehicle WHERE store = :store AND vin IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedVehicles(@Bind("store") String store, @BindList("keys") List<String> keys);

    @SqlQuery("""
            SELECT ro_number, customer_id, vin, visit_date, mileage, pay_type, service_type, amount, advisor
            FROM visit WHERE ro_number IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedVisits(@BindList("keys") List<String> keys);

    @SqlQuery("""
            SELECT lead_id, customer_id, model, created_on, closed_on, status, defeat_reason, competitor_brand,
                   competitor_model, follow_ups, last_follow_up, consultant
            FROM sales_lead WHERE lead_id IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedLeads(@BindList("keys") List<String> keys);

    /** Complaints by key (customer|day|subject, as {@code DmsImporter.childKey}): resolved, answered, resolved on. */
    @SqlQuery("""
            SELECT k, resolved, answered_on, resolved_on
            FROM (SELECT customer_id || '|' || CAST(complaint_date AS VARCHAR(10)) || '|' || subject AS k, resolved,
                         answered_on, resolved_on
                  FROM complaint WHERE customer_id IN (<customerIds>)) c
            WHERE k IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedComplaints(@BindList("keys") List<String> keys,
                                     @BindList("customerIds") List<String> customerIds);

    /**
     * Updates the complaints stored under the keys of a batch; each count says whether its row was stored (0: it is
     * new, and {@link #insertComplaints} adds it).
     */
    @SqlBatch("""
            UPDATE complaint SET resolved = :resolved, answered_on = :answeredOn, resolved_on = :resolvedOn
            WHERE customer_id = :customerId AND complaint_date = :date AND subject = :subject
            """)
    int[] updateComplaints(@Bind("customerId") List<String> customerIds, @BindBean List<Complaint> complaints);

    /** Adds complaints after each customer's others (the store keeps a customer's facts in order, by seq). */
    @SqlBatch("""
            INSERT INTO complaint (customer_id, seq, complaint_date, subject, resolved, answered_on, resolved_on)
            SELECT :customerId, COALESCE(MAX(seq), -1) + 1, :date, :subject, :resolved, :answeredOn, :resolvedOn
            FROM complaint WHERE customer_id = :customerId
            """)
    void insertComplaints(@Bind("customerId") List<String> customerIds, @BindBean List<Complaint> complaints);

    /** Surveys by key (customer|day): satisfaction, repurchase intent, recommend. */
    @SqlQuery("""
            SELECT k, satisfaction, repurchase_intent, recommend
            FROM (SELECT customer_id || '|' || CAST(survey_date AS VARCHAR(10)) AS k, satisfaction, repurchase_intent,
                         recommend
                  FROM survey WHERE customer_id IN (<customerIds>)) s
            WHERE k IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedSurveys(@BindList("keys") List<String> keys,
                                     @BindList("customerIds") List<String> customerIds);

    @SqlBatch("""
            UPDATE survey SET satisfaction = :satisfaction, repurchase_intent = :repurchaseIntent, recommend = :recommend
            WHERE customer_id = :customerId AND survey_date = :date
            """)
    int[] updateSurveys(@Bind("customerId") List<String> customerIds, @BindBean List<Survey> surveys);

    @SqlBatch("""
            INSERT INTO survey (customer_id, seq, survey_date, satisfaction, repurchase_intent, recommend)
            SELECT :customerId, COALESCE(MAX(seq), -1) + 1, :date, :satisfaction, :repurchaseIntent, :recommend
            FROM survey WHERE customer_id = :customerId
            """)
    void insertSurveys(@Bind("customerId") List<String> customerIds, @BindBean List<Survey> surveys);

    /** Event invitations by key (customer|day|event, '' for none): attended, prospects brought. */
    @SqlQuery("""
            SELECT k, attended, brought_prospects
            FROM (SELECT customer_id || '|' || CAST(event_date AS VARCHAR(10)) || '|' || COALESCE(event_id, '') AS k,
                         attended, brought_prospects
                  FROM event_attendance WHERE customer_id IN (<customerIds>)) e
            WHERE k IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedEvents(@BindList("keys") List<String> keys,
                                     @BindList("customerIds") List<String> customerIds);

    @SqlBatch("""
            UPDATE event_attendance SET attended = :attended, brought_prospects = :broughtProspects
            WHERE customer_id = :customerId AND event_date = :date AND COALESCE(event_id, '') = COALESCE(:eventId, '')
            """)
    int[] updateEvents(@Bind("customerId") List<String> customerIds, @BindBean List<EventAttendance> events);

    @SqlBatch("""
            INSERT INTO event_attendance (customer_id, seq, event_id, event_date, attended, brought_prospects)
            SELECT :customerId, COALESCE(MAX(seq), -1) + 1, :eventId, :date, :attended, :broughtProspects
            FROM event_attendance WHERE customer_id = :customerId
            """)
    void insertEvents(@Bind("customerId") List<String> customerIds, @BindBean List<EventAttendance> events);

    /** Referrals by key (customer|day|person referred, '' for none): whether they bought. */
    @SqlQuery("""
            SELECT k, closed
            FROM (SELECT customer_id || '|' || CAST(referral_date AS VARCHAR(10)) || '|' || COALESCE(referred_name, '')
                         AS k, closed
                  FROM referral WHERE customer_id IN (<customerIds>)) r
            WHERE k IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedReferrals(@BindList("keys") List<String> keys,
                                     @BindList("customerIds") List<String> customerIds);

    @SqlBatch("""
            UPDATE referral SET closed = :closed
            WHERE customer_id = :customerId AND referral_date = :date
              AND COALESCE(referred_name, '') = COALESCE(:referredName, '')
            """)
    int[] updateReferrals(@Bind("customerId") List<String> customerIds, @BindBean List<Referral> referrals);

    @SqlBatch("""
            INSERT INTO referral (customer_id, seq, referral_date, referred_name, closed)
            SELECT :customerId, COALESCE(MAX(seq), -1) + 1, :date, :referredName, :closed
            FROM referral WHERE customer_id = :customerId
            """)
    void insertReferrals(@Bind("customerId") List<String> customerIds, @BindBean List<Referral> referrals);

    /** A store's vehicle and the customer of the store who owns it. */
    record VehicleOwner(String vin, String customerId) {
    }

    /** The owners of these VINs among a store's vehicles (another store's vehicle of the same VIN is its own). */
    @SqlQuery("SELECT vin, customer_id FROM vehicle WHERE store = :store AND vin IN (<vins>)")
    @RegisterConstructorMapper(VehicleOwner.class)
    List<VehicleOwner> ownersOf(@Bind("store") String store, @BindList("vins") List<String> vins);

    @SqlQuery("SELECT id FROM customer WHERE id IN (<ids>)")
    List<String> existingCustomers(@BindList("ids") List<String> ids);

    /** A stored record's key and the store of the customer it belongs to. */
    record KeyStore(String recordKey, String store) {
    }

    /** The stores of these customers (those that are stored). */
    @SqlQuery("SELECT id AS record_key, store FROM customer WHERE id IN (<keys>)")
    @RegisterConstructorMapper(KeyStore.class)
    List<KeyStore> customerStores(@BindList("keys") List<String> keys);

    /** The stores of the customers these repair orders belong to. */
    @SqlQuery("SELECT v.ro_number AS record_key, c.store FROM visit v JOIN customer c ON c.id = v.customer_id"
            + " WHERE v.ro_number IN (<keys>)")
    @RegisterConstructorMapper(KeyStore.class)
    List<KeyStore> visitStores(@BindList("keys") List<String> keys);

    /** The stores of the customers these leads belong to. */
    @SqlQuery("SELECT l.lead_id AS record_key, c.store FROM sales_lead l JOIN customer c ON c.id = l.customer_id"
            + " WHERE l.lead_id IN (<keys>)")
    @RegisterConstructorMapper(KeyStore.class)
    List<KeyStore> leadStores(@BindList("keys") List<String> keys);

    /**
     * Merges the customer attributes a DMS export carries; the staff-recorded flags (leads passed first, negative
     * publicity) only where the file has their column (null: kept as stored, false for a new customer).
     */
    @SqlBatch("""
            MERGE INTO customer AS t USING (SELECT CAST(:id AS VARCHAR(64)) AS id) AS s ON t.id = s.id
            WHEN MATCHED THEN UPDATE SET name = :name, phone = :phone, region = :region, industry = :industry,
                birth_year = :birthYear, kind = :kind,
                leads_passed_first = COALESCE(CAST(:leadsFirst AS BOOLEAN), t.leads_passed_first),
                negative_publicity = COALESCE(CAST(:negative AS BOOLEAN), t.negative_publicity)
            WHEN NOT MATCHED THEN INSERT (id, name, phone, region, industry, birth_year, kind, leads_passed_first,
                negative_publicity, store)
                VALUES (:id, :name, :phone, :region, :industry, :birthYear, :kind,
                        COALESCE(CAST(:leadsFirst AS BOOLEAN), FALSE), COALESCE(CAST(:negative AS BOOLEAN), FALSE),
                        :store)
            """)
    void upsertCustomerAttributes(@BindBean List<Customer> customers, @Bind("leadsFirst") List<Boolean> leadsPassedFirst,
                                  @Bind("negative") List<Boolean> negativePublicity);
}
