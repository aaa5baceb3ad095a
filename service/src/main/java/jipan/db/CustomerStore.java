package jipan.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jipan.core.CustomerFacts;
import jipan.core.CustomerUpsert;
import jipan.core.facts.Customer;
import jipan.core.facts.Lead;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import org.jdbi.v3.core.Jdbi;

/** Stores customers with their facts and reads them back as the classifier's input. */
public final class CustomerStore {
    private final Jdbi jdbi;

    public CustomerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores a batch in one transaction: all of it or nothing. Customers, vehicles, visits and leads are
     * merged by their keys; complaints, events, referrals and surveys are replaced when the batch carries them.
     */
    public void upsert(List<CustomerUpsert> batch) {
        jdbi.useTransaction(handle -> {
            CustomerDao dao = handle.attach(CustomerDao.class);
            dao.upsertCustomers(batch.stream().map(u -> u.facts().customer()).toList());
            upsertOwned(batch, CustomerFacts::vehicles, dao::upsertVehicles);
            upsertOwned(batch, CustomerFacts::visits, dao::upsertVisits);
            upsertOwned(batch, CustomerFacts::leads, dao::upsertLeads);
            for (CustomerUpsert upsert : batch) {
                CustomerFacts facts = upsert.facts();
                String id = facts.customer().getId();
                if (upsert.complaintsGiven()) {
                    dao.deleteComplaints(id);
                    dao.insertComplaints(id, seq(facts.complaints()), facts.complaints());
                }
                if (upsert.eventsGiven()) {
                    dao.deleteEvents(id);
                    dao.insertEvents(id, seq(facts.events()), facts.events());
                }
                if (upsert.referralsGiven()) {
                    dao.deleteReferrals(id);
                    dao.insertReferrals(id, seq(facts.referrals()), facts.referrals());
                }
                if (upsert.surveysGiven()) {
                    dao.deleteSurveys(id);
                    dao.insertSurveys(id, seq(facts.surveys()), facts.surveys());
                }
            }
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

    @FunctionalInterface
    private interface OwnedBatch<T> {
        void run(List<String> customerIds, List<T> facts);
    }

    private static List<Integer> seq(List<?> facts) {
        return IntStream.range(0, facts.size()).boxed().toList();
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
        return jdbi.withHandle(handle -> {
            CustomerDao dao = handle.attach(CustomerDao.class);
            List<Customer> customers = dao.customersAfter(afterId, limit);
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
        return customers.stream().map(customer -> {
            String id = customer.getId();
            return new CustomerFacts(customer, vehicles.getOrDefault(id, List.of()), visits.getOrDefault(id, List.of()),
                    leads.getOrDefault(id, List.of()), complaints.getOrDefault(id, List.of()),
                    events.getOrDefault(id, List.of()), referrals.getOrDefault(id, List.of()),
                    surveys.getOrDefault(id, List.of()));
        }).toList();
    }

    private static <T> Map<String, List<T>> byCustomer(List<Owned<T>> rows) {
        return rows.stream().collect(Collectors.groupingBy(Owned::customerId, LinkedHashMap::new,
                Collectors.mapping(Owned::fact, Collectors.toList())));
    }
}
