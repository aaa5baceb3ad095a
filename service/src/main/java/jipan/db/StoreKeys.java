package jipan.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whose a stored record is: the store of the customer a customer id, VIN, repair-order number or lead id belongs to
 * ({@link ImportDao}'s {@code …Stores} lookups), and how "it is another store's" is said — one definition for the
 * API's batches ({@link CustomerStore}) and the imports.
 */
public final class StoreKeys {
    /** Why a customer of one store is not sent for another. */
    public static final String TWO_STORES = " (a person who is a customer of two stores is two customers, with two ids)";

    /** The most keys one lookup names: an IN list the databases read well. */
    private static final int CHUNK = 1_000;

    private StoreKeys() {
    }

    /** The store of each of {@code keys} that is stored, looked up {@value #CHUNK} keys at a time. */
    public static Map<String, String> storesOf(Function<List<String>, List<ImportDao.KeyStore>> lookup,
                                               Collection<String> keys) {
        List<String> distinct = keys.stream().distinct().toList();
        Map<String, String> stores = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            lookup.apply(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)))
                    .forEach(row -> stores.put(row.recordKey(), row.store()));
        }
        return stores;
    }

    /** A customer sent for {@code store} that is a customer of {@code its}. */
    public static String customerElsewhere(String id, String its, String store) {
        return "customer " + id + " is a customer of store " + its + ", not " + store;
    }

    /** A record (VIN, repair order, lead) sent for {@code store} that is stored for a customer of {@code its}. */
    public static String recordElsewhere(String key, String its, String store) {
        return key + " is stored for a customer of store " + its + ", not " + store;
    }

    /** A record sent for a store, by its key. */
    public record Wanted(String key, String store) {
    }

    /**
     * Each of {@code wanted} that is stored for another store's customer, said as {@code what} and
     * {@link #recordElsewhere}, in the order wanted.
     */
    public static List<String> elsewhere(Function<List<String>, List<ImportDao.KeyStore>> lookup, List<Wanted> wanted,
                                         String what) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, String> stored = storesOf(lookup, wanted.stream().map(Wanted::key).toList());
        List<String> conflicts = new ArrayList<>();
        for (Wanted one : wanted) {
            String its = stored.get(one.key());
            if (its != null && !its.equals(one.store())) {
                conflicts.add(what + recordElsewhere(one.key(), its, one.store()));
            }
        }
        return conflicts;
    }
}
