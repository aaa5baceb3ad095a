package jipan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jipan.TestRequests;
import jipan.core.CustomerFacts;
import jipan.core.CustomerUpsert;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.facts.PayType;
import jipan.core.facts.Visit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The customer store on a real H2 and a real PostgreSQL. */
class CustomerStoreTest {
    private final CustomerFactsReader reader = new CustomerFactsReader();

    private List<CustomerUpsert> batch(String file) {
        return reader.readUpsertBatch(TestRequests.json("../customers/" + file));
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void storesAndReadsBackEveryFact(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = new CustomerStore(database.jdbi());
            List<CustomerUpsert> sent = batch("two-customers.json");

            store.upsert(sent);

            CustomerFacts k1 = store.find("K1").orElseThrow();
            // a customer that names no store goes to the default store (a dealership that is not a group)
            assertThat(k1.customer().getStore()).isEqualTo("default");
            assertThat(k1).usingRecursiveComparison().ignoringFields("customer.store")
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(sent.get(0).facts());
            assertThat(store.find("K2").orElseThrow()).usingRecursiveComparison().ignoringFields("customer.store")
                    .isEqualTo(sent.get(1).facts());
            assertThat(store.find("nobody")).isEmpty();
            assertThat(store.count()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void customersAreFoundByIdOrPartOfNamePhoneOrVinAndWildcardsAreText(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = new CustomerStore(database.jdbi());
            store.upsert(batch("two-customers.json"));
            CustomerFacts k1 = store.find("K1").orElseThrow();
            String vin = k1.vehicles().get(0).getVin();

            assertThat(store.search("K1", 50)).extracting(CustomerDao.CustomerMatch::id).containsExactly("K1");
            assertThat(store.search(vin.substring(3, 12), 50)).extracting(CustomerDao.CustomerMatch::id).contains("K1");
            if (k1.customer().getName() != null) {
                assertThat(store.search(k1.customer().getName().substring(1), 50))
                        .extracting(CustomerDao.CustomerMatch::id).contains("K1");
            }
            assertThat(store.search("%", 50)).as("a wildcard is a character to find").isEmpty();
            assertThat(store.search("_", 50)).isEmpty();
            assertThat(store.search("K", 1)).hasSize(1);
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void theSameRecordTwiceIsOneRecordAndAChangedOneIsUpdated(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = new CustomerStore(database.jdbi());
            store.upsert(batch("two-customers.json"));
            store.upsert(batch("two-customers.json"));

            store.upsert(batch("k1-changed-visit-no-lists.json"));

            CustomerFacts k1 = store.find("K1").orElseThrow();
            assertThat(k1.visits()).extracting(Visit::getRoNumber).containsExactly("K-RO1", "K-RO2");
            assertThat(k1.visits().get(0).getAmount()).isEqualByComparingTo(new BigDecimal("520.00"));
            assertThat(k1.customer().getPhone()).isNull();
            // lists not sent are kept; a list sent empty is emptied
            assertThat(k1.complaints()).hasSize(1);
            assertThat(k1.events()).hasSize(1);
            assertThat(k1.surveys()).isEmpty();
            assertThat(k1.leads()).hasSize(1);
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aBatchThatFailsHalfWayWritesNothing(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = new CustomerStore(database.jdbi());
            List<CustomerUpsert> sent = batch("two-customers.json");
            CustomerFacts k2 = sent.get(1).facts();
            // a visit whose vehicle is not stored breaks the foreign key after K1 was written
            CustomerFacts broken = new CustomerFacts(k2.customer(), List.of(),
                    List.of(new Visit("K-RO9", "LVIN00000000NONE9", LocalDate.of(2012, 1, 1), null,
                            PayType.CUSTOMER_PAY, null, null)),
                    List.of(), List.of(), List.of(), List.of(), List.of());

            assertThatThrownBy(() -> store.upsert(List.of(sent.get(0), CustomerUpsert.complete(broken))));

            assertThat(store.count()).isZero();
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void pagesThroughCustomersInIdOrder(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = new CustomerStore(database.jdbi());
            store.upsert(batch("two-customers.json"));

            assertThat(store.page("", 1)).extracting(c -> c.customer().getId()).containsExactly("K1");
            assertThat(store.page("K1", 10)).extracting(c -> c.customer().getId()).containsExactly("K2");
            assertThat(store.page("K2", 10)).isEmpty();
            assertThat(store.page("", 10).get(0).visits()).hasSize(2);
        });
    }
}
