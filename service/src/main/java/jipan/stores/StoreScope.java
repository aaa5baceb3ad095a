package jipan.stores;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which stores' data a request may see and change: every store (a group key, or no authentication), or the stores
 * its key is limited to, narrowed further by a {@code store} parameter. The store filter of every query that reads
 * store data is made here, once: {@link #sql()} follows a customer id column ({@code r.customer_id <inStores>}).
 */
public final class StoreScope {
    /** The request property that holds the caller's scope (set by the key filter). */
    public static final String PROPERTY = "jipan.stores";

    /** Every store: a group key. */
    public static final StoreScope ALL = new StoreScope(null);

    private final Set<String> codes;

    private StoreScope(Set<String> codes) {
        this.codes = codes == null ? null : new TreeSet<>(codes);
    }

    /** Limited to these stores (their codes are checked against the configuration before). */
    public static StoreScope of(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return ALL;
        }
        if (codes.stream().anyMatch(code -> !code.matches(Stores.CODE))) {
            throw new IllegalArgumentException("a store code must match " + Stores.CODE);
        }
        return new StoreScope(Set.copyOf(codes));
    }

    /** The scope of a request's caller. */
    public static StoreScope of(ContainerRequestContext request) {
        Object scope = request == null ? null : request.getProperty(PROPERTY);
        return scope instanceof StoreScope known ? known : ALL;
    }

    /** Whether the caller sees every store. */
    public boolean isAll() {
        return codes == null;
    }

    /** The stores, or empty for all. */
    public Set<String> codes() {
        return codes == null ? Set.of() : codes;
    }

    public boolean allows(String store) {
        return codes == null || codes.contains(store);
    }

    /**
     * This scope narrowed to one store ({@code ?store=}), or an exception naming the parameter when the caller may
     * not see it; null or blank leaves the scope as it is.
     */
    public StoreScope narrow(Stores stores, String field, String store) {
        if (store == null || store.isBlank()) {
            return this;
        }
        String code = stores.check(field, store).code();
        if (!allows(code)) {
            throw new OutOfScope(field + ": this key sees the store" + (codes.size() > 1 ? "s " : " ")
                    + String.join(", ", codes) + " only, not " + code);
        }
        return of(List.of(code));
    }

    /** The one store a change by this caller goes to when it names none: its first store, else the group's first. */
    public String defaultStore(Stores stores) {
        return codes != null ? codes.iterator().next() : stores.first().code();
    }

    /**
     * The condition that follows a customer id column: every customer for a group scope, those of the scope's
     * stores otherwise. Codes match {@link Stores#CODE}, so they are safe as literals.
     */
    public String sql() {
        if (codes == null) {
            return "IS NOT NULL";
        }
        return "IN (SELECT sc.id FROM customer sc WHERE sc.store IN (" + literals() + "))";
    }

    /**
     * The condition on a classification run's {@code store} column: every run for a group scope; for stores, their
     * own runs (a run of the whole group is not theirs: its counts are of every store).
     */
    public String runSql() {
        return codes == null ? "1 = 1" : "store IN (" + literals() + ")";
    }

    private String literals() {
        return codes.stream().map(code -> "'" + code + "'").collect(Collectors.joining(", "));
    }

    /** The stores for a log line or an error. */
    @Override
    public String toString() {
        return codes == null ? "all stores" : String.join(", ", codes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreScope scope && java.util.Objects.equals(codes, scope.codes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(codes);
    }

    /** A store the caller may not see, asked for by name: 403. */
    public static final class OutOfScope extends IllegalArgumentException {
        public OutOfScope(String message) {
            super(message);
        }
    }
}
