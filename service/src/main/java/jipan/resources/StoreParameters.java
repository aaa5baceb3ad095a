package jipan.resources;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import jipan.api.Problem;
import jipan.core.documents.InvalidInputException;
import jipan.stores.StoreScope;
import jipan.stores.Stores;

/**
 * The stores a request works on: its key's stores, narrowed by a {@code store} parameter. An unknown store is a 422
 * naming the parameter; a store the key may not see is a 403 ({@link OutOfScopeMapper}).
 */
public final class StoreParameters {
    private StoreParameters() {
    }

    /** The caller's scope narrowed by {@code store} (null or blank: not narrowed). */
    public static StoreScope scope(ContainerRequestContext request, Stores stores, String field, String store) {
        try {
            return StoreScope.of(request).narrow(stores, field, store);
        } catch (StoreScope.OutOfScope e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(e.getMessage()));
        }
    }

    /** The store {@code store} names, checked like {@link #scope} (known, and the caller's); null when blank. */
    public static String named(ContainerRequestContext request, Stores stores, String field, String store) {
        return store == null || store.isBlank() ? null
                : scope(request, stores, field, store).codes().iterator().next();
    }

    /**
     * The one store a change goes to: {@code store} when given (known, and the caller's), else the caller's only
     * store, else the group's first.
     */
    public static String storeOfChange(ContainerRequestContext request, Stores stores, String field, String store) {
        String named = named(request, stores, field, store);
        return named != null ? named : StoreScope.of(request).defaultStore(stores);
    }

    /** A run, a customer or an import of a store the caller may not see: answered as if it did not exist. */
    public static boolean hidden(ContainerRequestContext request, String store) {
        StoreScope scope = StoreScope.of(request);
        return !scope.isAll() && (store == null || !scope.allows(store));
    }

    /** A store the caller may not see, named in a parameter: 403. */
    public static final class OutOfScopeMapper implements ExceptionMapper<StoreScope.OutOfScope> {
        @Override
        public Response toResponse(StoreScope.OutOfScope exception) {
            return Problem.of(403, "store", exception.getMessage()).response();
        }
    }
}
