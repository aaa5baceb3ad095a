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
import jipan.auth.Roles;

/** {@code GET /api/v1/me}: who the key belongs to and its roles — what the console shows and hides. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE, Roles.VIEWER, Roles.APPROVER})
    @GET
    public Caller me(@Context SecurityContext security, @Context ContainerRequestContext request) {
        List<String> roles = Arrays.stream(Role.values()).map(Role::name).filter(security::isUserInRole).toList();
        return new Caller(ApiKeyFilter.callerOf(request), ApiKeyFilter.personOf(request), roles);
    }
}
