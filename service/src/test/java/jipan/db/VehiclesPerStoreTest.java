package jipan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jipan.core.facts.PayType;
import jipan.core.facts.ServiceType;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migration 31 on a store of the schema before it, with data: vehicles and repair orders take their customer's store,
 * and afterwards a car two stores service is a vehicle of each, with each store's repair orders on its own vehicle.
 */
class VehiclesPerStoreTest {
    private static final String VIN = "LSGPC54U8AF000A11";

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aVinBecomesAVehicleOfEachStoreThatHasIt(String kind) {
        DatabaseSettings settings = TestDatabases.settings(kind);
        settings.setMigrateOnStart(false);
        try (Database database = Database.open(settings)) {
            assertThat(database.migrateTo("30")).isEqualTo(30);
            database.jdbi().useHandle(handle -> {
                handle.execute("INSERT INTO customer (id, name, store) VALUES ('A1', '王先生', 'S1')");
                handle.execute("INSERT INTO customer (id, name, store) VALUES ('B1', '王先生', 'S2')");
                handle.execute("INSERT INTO vehicle (vin, customer_id, model) VALUES (?, 'A1', '科鲁兹')", VIN);
                handle.execute("INSERT INTO visit (ro_number, customer_id, vin, visit_date, pay_type)"
                        + " VALUES ('RO-1', 'A1', ?, DATE '2012-05-01', 'CUSTOMER_PAY')", VIN);
                handle.execute("INSERT INTO classification_run (id, as_of, ruleset_version, status, customers_total,"
                        + " started_at) VALUES (1, DATE '2012-09-30', 'v1', 'DONE', 1, TIMESTAMP '2012-09-30 01:00:00')");
                handle.execute("INSERT INTO classification_vehicle (run_id, vin, customer_id, lifecycle)"
                        + " VALUES (1, ?, 'A1', 'IN_WARRANTY')", VIN);
            });

            assertThat(database.migrate()).isPositive();
            database.jdbi().useHandle(handle -> {
                assertThat(stores(handle, "SELECT store FROM vehicle")).containsExactly("S1");
                assertThat(stores(handle, "SELECT store FROM visit")).containsExactly("S1");

                // S2 services the same car: its own vehicle of the VIN, its own repair order on it
                CustomerDao dao = handle.attach(CustomerDao.class);
                dao.upsertVehicles(List.of("B1"), List.of(new Vehicle(VIN, "科鲁兹（二店）", null, null, false, false)));
                dao.upsertVisits(List.of("B1"), List.of(new Visit("S2-RO-1", VIN, LocalDate.of(2012, 8, 1), 42000,
                        PayType.CUSTOMER_PAY, ServiceType.MAINTENANCE, new BigDecimal("380"))));
                assertThat(handle.createQuery("SELECT store || ' ' || customer_id || ' ' || model FROM vehicle"
                        + " WHERE vin = :vin ORDER BY store").bind("vin", VIN).mapTo(String.class).list())
                        .containsExactly("S1 A1 科鲁兹", "S2 B1 科鲁兹（二店）");
                assertThat(handle.createQuery("SELECT store || ' ' || customer_id FROM visit ORDER BY store")
                        .mapTo(String.class).list()).containsExactly("S1 A1", "S2 B1");
                // a group run classifies each store's vehicle of the VIN
                handle.execute("INSERT INTO classification_vehicle (run_id, vin, customer_id, lifecycle)"
                        + " VALUES (1, ?, 'B1', 'OUT_OF_WARRANTY')", VIN);
            });
            // a repair order still needs its store's vehicle: one of a VIN the store does not have is refused
            database.jdbi().useHandle(handle -> {
                handle.execute("INSERT INTO customer (id, name, store) VALUES ('C1', '赵女士', 'S3')");
                assertThatThrownBy(() -> handle.attach(CustomerDao.class).upsertVisits(List.of("C1"),
                        List.of(new Visit("S3-RO-1", VIN, LocalDate.of(2012, 8, 1), 1000, PayType.CUSTOMER_PAY,
                                ServiceType.MAINTENANCE, BigDecimal.TEN)))).message().containsIgnoringCase("vehicle");
                assertThat(handle.createQuery("SELECT COUNT(*) FROM visit WHERE customer_id = 'C1'").mapTo(Integer.class)
                        .one()).isZero();
            });
        }
    }

    private static List<String> stores(Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(String.class).list();
    }
}
