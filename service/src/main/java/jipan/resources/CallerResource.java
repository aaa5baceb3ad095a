package jipan.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import jipan.api.Caller;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Role;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jipan.auth.Roles;
import jipan.auth.StoreScoped;
import jipan.stores.StoreScope;
import jipan.stores.Stores;

/** {@code GET /api/v1/me}: who the key belongs to and its roles — what the console shows and hides. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {
    private final Stores stores;

    public CallerResource(Stores stores) {
        this.stores = stores;
    }

    /** The key's name, person and roles, whether it sees the whole group, and the stores it sees. */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE, Roles.VIEWER, Roles.APPROVER})
    @GET
    @StoreScoped
    public Caller me(@Context SecurityContext security, @Context ContainerRequestContext request,
                     @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        List<String> roles = Arrays.stream(Role.values()).map(Role::name).filter(security::isUserInRole).toList();
        StoreScope scope = StoreScope.of(request);
        jipan.core.Lang language = Downloads.lang(lang, headers);
        return new Caller(ApiKeyFilter.callerOf(request), ApiKeyFilter.personOf(request), roles, scope.isAll(),
                stores.all().stream().filter(store -> scope.allows(store.code()))
                        .map(store -> new Caller.Store(store.code(), store.name(language))).toList());
    }
}
