package jipan.db;

import java.util.List;
import jipan.core.facts.Customer;
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
    @SqlQuery("SELECT id, name, phone, region, industry, birth_year, kind FROM customer WHERE id IN (<keys>)")
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedCustomers(@BindList("keys") List<String> keys);

    @SqlQuery("""
            SELECT vin, customer_id, model, purchase_date, warranty_end, bought_here, installment
            FROM vehicle WHERE vin IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedVehicles(@BindList("keys") List<String> keys);

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

    /** Complaints by key (customer|day|subject, as {@code DmsImporter.complaintKey}): resolved, answered, resolved on. */
    @SqlQuery("""
            SELECT k, resolved, answered_on, resolved_on
            FROM (SELECT customer_id || '|' || CAST(complaint_date AS VARCHAR(10)) || '|' || subject AS k, resolved,
                         answered_on, resolved_on
                  FROM complaint) c
            WHERE k IN (<keys>)
            """)
    @RegisterRowMapper(StoredRow.Mapper.class)
    List<StoredRow> storedComplaints(@BindList("keys") List<String> keys);

    @SqlUpdate("""
            UPDATE complaint SET resolved = :resolved, answered_on = :answeredOn, resolved_on = :resolvedOn
            WHERE customer_id = :customerId AND complaint_date = :date AND subject = :subject
            """)
    int updateComplaint(@Bind("customerId") String customerId, @Bind("date") java.time.LocalDate date,
                        @Bind("subject") String subject, @Bind("resolved") boolean resolved,
                        @Bind("answeredOn") java.time.LocalDate answeredOn,
                        @Bind("resolvedOn") java.time.LocalDate resolvedOn);

    @SqlUpdate("""
            INSERT INTO complaint (customer_id, seq, complaint_date, subject, resolved, answered_on, resolved_on)
            SELECT :customerId, COALESCE(MAX(seq), -1) + 1, :date, :subject, :resolved, :answeredOn, :resolvedOn
            FROM complaint WHERE customer_id = :customerId
            """)
    void insertComplaint(@Bind("customerId") String customerId, @Bind("date") java.time.LocalDate date,
                         @Bind("subject") String subject, @Bind("resolved") boolean resolved,
                         @Bind("answeredOn") java.time.LocalDate answeredOn,
                         @Bind("resolvedOn") java.time.LocalDate resolvedOn);

    /** A vehicle and the customer who owns it. */
    record VehicleOwner(String vin, String customerId) {
    }

    @SqlQuery("SELECT vin, customer_id FROM vehicle WHERE vin IN (<vins>)")
    @RegisterConstructorMapper(VehicleOwner.class)
    List<VehicleOwner> ownersOf(@BindList("vins") List<String> vins);

    @SqlQuery("SELECT id FROM customer WHERE id IN (<ids>)")
    List<String> existingCustomers(@BindList("ids") List<String> ids);

    /**
     * Merges the customer attributes a DMS export carries, keeping the staff-recorded flags
     * (negative publicity, leads passed first) that no export has.
     */
    @SqlBatch("""
            MERGE INTO customer AS t USING (SELECT CAST(:id AS VARCHAR(64)) AS id) AS s ON t.id = s.id
            WHEN MATCHED THEN UPDATE SET name = :name, phone = :phone, region = :region, industry = :industry,
                birth_year = :birthYear, kind = :kind
            WHEN NOT MATCHED THEN INSERT (id, name, phone, region, industry, birth_year, kind)
                VALUES (:id, :name, :phone, :region, :industry, :birthYear, :kind)
            """)
    void upsertCustomerAttributes(@BindBean List<Customer> customers);
}
