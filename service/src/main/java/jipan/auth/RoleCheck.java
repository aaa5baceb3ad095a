package jipan.auth;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import jipan.stores.StoreScope;

/**
 * Authorisation on the matched resource method: each method's {@code @RolesAllowed} (or its class's) is
 * checked after Jersey has matched the request, so matrix parameters, encoded or doubled slashes and the
 * like cannot change which roles apply. A method that names no role is closed to everyone.
 */
public class RoleCheck implements DynamicFeature {

    /** The roles a resource method allows: its own {@code @RolesAllowed}, else its class's, else none. */
    public static List<String> rolesOf(Method method) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return roles == null ? List.of() : Arrays.asList(roles.value());
    }

    /** Open to anyone, no key needed: {@code @PermitAll} on the method or its class (the API description). */
    public static boolean isPublic(Method method) {
        return method.isAnnotationPresent(PermitAll.class)
                || method.getDeclaringClass().isAnnotationPresent(PermitAll.class);
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod() != null && !isPublic(resource.getResourceMethod())) {
            context.register(new Filter(rolesOf(resource.getResourceMethod()),
                    resource.getResourceMethod().isAnnotationPresent(StoreScoped.class)));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class Filter implements ContainerRequestFilter {
        private final List<String> roles;
        private final boolean storeScoped;

        Filter(List<String> roles, boolean storeScoped) {
            this.roles = roles;
            this.storeScoped = storeScoped;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String caller = request.getSecurityContext().getUserPrincipal() == null ? "this caller"
                    : request.getSecurityContext().getUserPrincipal().getName();
            if (roles.stream().anyMatch(request.getSecurityContext()::isUserInRole)) {
                StoreScope scope = StoreScope.of(request);
                if (!storeScoped && !scope.isAll()) {
                    request.abortWith(ApiKeyFilter.error(Response.Status.FORBIDDEN, caller + " is limited to the store"
                            + (scope.codes().size() > 1 ? "s " : " ") + scope + "; " + request.getMethod() + " /"
                            + request.getUriInfo().getPath() + " is for keys of the whole group"));
                }
                return;
            }
            request.abortWith(ApiKeyFilter.error(Response.Status.FORBIDDEN, caller + " may not "
                    + request.getMethod() + " /" + request.getUriInfo().getPath() + " (needs " + String.join(" or ", roles)
                    + (roles.isEmpty() ? "a role this method does not name: it is closed" : "") + ")"));
        }
    }
}
