package jipan.db;

import jipan.stores.StoreScope;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a class that can be limited to stores ({@link CustomerStore}, the call lists, the reports) gets the Jdbi of a
 * store scope: a database's ({@link Database#jdbi(StoreScope)}), or a plain Jdbi that serves every store only.
 */
@FunctionalInterface
public interface ScopedJdbi {

    /** The Jdbi whose {@code <inStores>} and {@code <runStores>} are {@code scope}'s. */
    Jdbi in(StoreScope scope);

    /** A database's Jdbi per scope. */
    static ScopedJdbi of(Database database) {
        return database::jdbi;
    }

    /** A Jdbi of every store (tests, commands): asking for a narrower scope is a programming error, named. */
    static ScopedJdbi everyStoreOnly(Jdbi jdbi, String what) {
        return scope -> {
            if (!scope.isAll()) {
                throw new IllegalStateException(what + " cannot be limited to stores");
            }
            return jdbi;
        };
    }
}
