package jipan.db;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jipan.core.CustomerFacts;
import jipan.core.CustomerUpsert;
import jipan.core.facts.Customer;
import jipan.core.facts.Lead;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import jipan.stores.StoreScope;
import jipan.stores.Stores;
import org.jdbi.v3.core.Jdbi;

/** Stores customers with their facts and reads them back as the classifier's input. */
public final class CustomerStore {
    private final Jdbi jdbi;
    private final ScopedJdbi scoped;

    /** The store of every store's customers, which cannot be limited to stores: for tests and commands. */
    public CustomerStore(Jdbi jdbi) {
        this(jdbi, ScopedJdbi.everyStoreOnly(jdbi, "this customer store"));
    }

    /** The customer store of a database, which can be limited to stores ({@link #in}). */
    public CustomerStore(Database database) {
        this(database.jdbi(), ScopedJdbi.of(database));
    }

    private CustomerStore(Jdbi jdbi, ScopedJdbi scoped) {
        this.jdbi = jdbi;
        this.scoped = scoped;
    }

    /** The same store, reading only the customers of {@code scope}'s stores. */
    public CustomerStore in(StoreScope scope) {
        return scope.isAll() ? this : new CustomerStore(scoped.in(scope), scoped);
    }

    /**
     * Stores a batch in one transaction: all of it or nothing. Customers, vehicles, visits and leads are
     * merged by their keys; complaints, events, referrals and surveys are replaced when the batch carries them.
     * A customer that names no store stays in its store, and a new one goes to {@link Stores#DEFAULT}.
     */
    public void upsert(List<CustomerUpsert> batch) {
        upsert(batch, Stores.DEFAULT);
    }

    /**
     * The same, with new customers that name no store going to {@code newCustomersStore}. A customer stored in one
     * store and sent for another is refused ({@link StoreConflict}), and nothing of the batch is stored: a person who
     * is a customer of two stores is two customers, with two ids.
     */
    public void upsert(List<CustomerUpsert> batch, String newCustomersStore) {
        jdbi.useTransaction(handle -> {
            CustomerDao dao = handle.attach(CustomerDao.class);
            ImportDao keys = handle.attach(ImportDao.class);
            Map<String, String> stored = StoreKeys.storesOf(keys::customerStores,
                    batch.stream().map(u -> u.facts().customer().getId()).toList());
            List<String> conflicts = new ArrayList<>();
            List<Customer> customers = new ArrayList<>();
            // a repair order or lead is one store's: the same key sent for another store's customer is refused; a VIN
            // is not (each store that has the car keeps its own vehicle of it)
            List<StoreKeys.Wanted> visits = new ArrayList<>();
            List<StoreKeys.Wanted> leads = new ArrayList<>();
            for (CustomerUpsert upsert : batch) {
                Customer customer = upsert.facts().customer();
                String was = stored.get(customer.getId());
                String wanted = customer.getStore();
                if (was != null && wanted != null && !was.equals(wanted)) {
                    conflicts.add(StoreKeys.customerElsewhere(customer.getId(), was, wanted));
                }
                Customer inStore = wanted != null ? customer : customer.inStore(was != null ? was : newCustomersStore);
                customers.add(inStore);
                upsert.facts().visits().forEach(v -> visits.add(new StoreKeys.Wanted(v.getRoNumber(), inStore.getStore())));
                upsert.facts().leads().forEach(l -> leads.add(new StoreKeys.Wanted(l.getLeadId(), inStore.getStore())));
            }
            conflicts.addAll(StoreKeys.elsewhere(keys::visitStores, visits, "repair order "));
            conflicts.addAll(StoreKeys.elsewhere(keys::leadStores, leads, "lead "));
            if (!conflicts.isEmpty()) {
                throw new StoreConflict(conflicts);
            }
            dao.upsertCustomers(customers);
            upsertOwned(batch, CustomerFacts::vehicles, dao::upsertVehicles);
            upsertOwned(batch, CustomerFacts::visits, dao::upsertVisits);
            upsertOwned(batch, CustomerFacts::leads, dao::upsertLeads);
            // complaints, events, referrals and surveys have no key: a list that is given replaces the stored one
            // (one delete and one batch insert per kind for the whole batch)
            replaceOwned(batch, CustomerUpsert::complaintsGiven, CustomerFacts::complaints, dao::deleteComplaints,
                    dao::insertComplaints);
            replaceOwned(batch, CustomerUpsert::eventsGiven, CustomerFacts::events, dao::deleteEvents,
                    dao::insertEvents);
            replaceOwned(batch, CustomerUpsert::referralsGiven, CustomerFacts::referrals, dao::deleteReferrals,
                    dao::insertReferrals);
            replaceOwned(batch, CustomerUpsert::surveysGiven, CustomerFacts::surveys, dao::deleteSurveys,
                    dao::insertSurveys);
        });
    }

    /** Visits (or vehicles, leads) of every customer of the batch, in one batch statement. */
    private static <T> void upsertOwned(List<CustomerUpsert> batch, Function<CustomerFacts, List<T>> facts,
                                        OwnedBatch<T> statement) {
        List<String> owners = new ArrayList<>();
        List<T> all = new ArrayList<>();
        for (CustomerUpsert upsert : batch) {
            for (T fact : facts.apply(upsert.facts())) {
                owners.add(upsert.facts().customer().getId());
                all.add(fact);
            }
        }
        if (!all.isEmpty()) {
            statement.run(owners, all);
        }
    }

    /** The stored facts of one kind replaced by the given ones, for every customer of the batch that gives them. */
    private static <T> void replaceOwned(List<CustomerUpsert> batch, Predicate<CustomerUpsert> given,
                                         Function<CustomerFacts, List<T>> facts, Consumer<List<String>> delete,
                                         NumberedBatch<T> insert) {
        List<String> replaced = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<Integer> seq = new ArrayList<>();
        List<T> all = new ArrayList<>();
        for (CustomerUpsert upsert : batch) {
            if (given.test(upsert)) {
                String id = upsert.facts().customer().getId();
                replaced.add(id);
                List<T> list = facts.apply(upsert.facts());
                for (int i = 0; i < list.size(); i++) {
                    owners.add(id);
                    seq.add(i);
                    all.add(list.get(i));
                }
            }
        }
        if (!replaced.isEmpty()) {
            delete.accept(replaced);
        }
        if (!all.isEmpty()) {
            insert.run(owners, seq, all);
        }
    }

    /** Customers sent for another store than theirs; nothing of the batch was stored. */
    public static final class StoreConflict extends IllegalArgumentException {
        public StoreConflict(List<String> conflicts) {
            super(String.join("; ", conflicts.subList(0, Math.min(10, conflicts.size())))
                    + (conflicts.size() > 10 ? "; and " + (conflicts.size() - 10) + " more" : "")
                    + StoreKeys.TWO_STORES);
        }
    }

    @FunctionalInterface
    private interface NumberedBatch<T> {
        void run(List<String> customerIds, List<Integer> seq, List<T> facts);
    }

    @FunctionalInterface
    private interface OwnedBatch<T> {
        void run(List<String> customerIds, List<T> facts);
    }

    public Optional<CustomerFacts> find(String customerId) {
        return jdbi.withHandle(handle -> {
            CustomerDao dao = handle.attach(CustomerDao.class);
            return dao.findCustomer(customerId).map(customer -> withFacts(dao, List.of(customer)).get(0));
        });
    }

    /** Customers by id, or by a part of their name, phone or a vehicle's VIN: at most {@code limit}. */
    public List<CustomerDao.CustomerMatch> search(String text, int limit) {
        // '!' escapes the LIKE wildcards (a backslash would be read as a string escape on the way to the database)
        String like = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbi.withExtension(CustomerDao.class, dao -> dao.search(text, like, limit));
    }

    public int count() {
        return jdbi.withExtension(CustomerDao.class, CustomerDao::countCustomers);
    }

    /** Up to {@code limit} customers with all their facts, in id order, after {@code afterId} ("" for the first page). */
    public List<CustomerFacts> page(String afterId, int limit) {
        return page(afterId, ANY_TIME, limit);
    }

    /** A time after every customer was stored: no bound. */
    public static final LocalDateTime ANY_TIME = LocalDateTime.of(9999, 12, 31, 0, 0);

    /** The same, of the customers stored by {@code until} (the store's clock; a run's customers). */
    public int count(LocalDateTime until) {
        return jdbi.withExtension(CustomerDao.class, dao -> dao.countCustomersUntil(until));
    }

    /** The same, of the customers stored by {@code until}: a page of a run started then. */
    public List<CustomerFacts> page(String afterId, LocalDateTime until, int limit) {
        return jdbi.withHandle(handle -> {
            CustomerDao dao = handle.attach(CustomerDao.class);
            List<Customer> customers = dao.customersAfter(afterId, until, limit);
            return customers.isEmpty() ? List.of() : withFacts(dao, customers);
        });
    }

    /**
     * The facts of {@code customers}: consecutive customers in id order (a page, or one customer), so their facts
     * are those of the id range from the first to the last — one index range per table, not a list of ids.
     */
    private static List<CustomerFacts> withFacts(CustomerDao dao, List<Customer> customers) {
        String first = customers.get(0).getId();
        String last = customers.get(customers.size() - 1).getId();
        Map<String, List<Vehicle>> vehicles = byCustomer(dao.vehiclesOf(first, last));
        Map<String, List<Visit>> visits = byCustomer(dao.visitsOf(first, last));
        Map<String, List<Lead>> leads = byCustomer(dao.leadsOf(first, last));
        var complaints = byCustomer(dao.complaintsOf(first, last));
        var events = byCustomer(dao.eventsOf(first, last));
        var referrals = byCustomer(dao.referralsOf(first, last));
        var surveys = byCustomer(dao.surveysOf(first, last));
        var contacts = byCustomer(dao.contactsOf(first, last));
        return customers.stream().map(customer -> {
            String id = customer.getId();
            return new CustomerFacts(customer, vehicles.getOrDefault(id, List.of()), visits.getOrDefault(id, List.of()),
                    leads.getOrDefault(id, List.of()), complaints.getOrDefault(id, List.of()),
                    events.getOrDefault(id, List.of()), referrals.getOrDefault(id, List.of()),
                    surveys.getOrDefault(id, List.of()), contacts.getOrDefault(id, List.of()));
        }).toList();
    }

    private static <T> Map<String, List<T>> byCustomer(List<Owned<T>> rows) {
        return rows.stream().collect(Collectors.groupingBy(Owned::customerId, LinkedHashMap::new,
                Collectors.mapping(Owned::fact, Collectors.toList())));
    }
}
