package jipan.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jipan.api.Problem;
import org.slf4j.LoggerFactory;

/**
 * Authentication: finds the API key of a request ({@code X-Api-Key: KEY} or {@code Authorization: Bearer KEY})
 * among the configured hashes and makes its name and role the request's security context; 401 without a
 * known key. What a role may do is decided on the matched resource method by {@link RoleCheck}.
 * With {@code auth: {mode: none}} the filter is {@link #open()}: every request acts with every role.
 */
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {
    /** The request property that names the caller (the key's name), for the records a request writes. */
    public static final String CALLER = "jipan.caller";

    /** The request property that names the person holding the caller's key. */
    public static final String PERSON = "jipan.person";

    /** The name of the request's caller (the key's name), or {@code anonymous} when none was set. */
    public static String callerOf(ContainerRequestContext request) {
        Object caller = request.getProperty(CALLER);
        return caller == null ? "anonymous" : caller.toString();
    }

    /** The person holding the caller's key (its {@code person}, else its name), or {@code anonymous}. */
    public static String personOf(ContainerRequestContext request) {
        Object person = request.getProperty(PERSON);
        return person == null ? callerOf(request) : person.toString();
    }

    private final Map<String, AuthSettings.ApiKey> byHash;
    private final boolean open;

    public ApiKeyFilter(List<AuthSettings.ApiKey> keys) {
        this(keys, false);
    }

    private ApiKeyFilter(List<AuthSettings.ApiKey> keys, boolean open) {
        this.byHash = keys.stream().collect(Collectors.toMap(AuthSettings.ApiKey::getSha256, Function.identity()));
        this.open = open;
    }

    /** The filter the configuration asks for: its keys, or (mode none, said in the log) no authentication. */
    public static ApiKeyFilter of(AuthSettings settings) {
        if (settings.getMode().equals("keys")) {
            return new ApiKeyFilter(settings.getKeys());
        }
        LoggerFactory.getLogger(ApiKeyFilter.class).warn(
                "auth: none — the API is open to anyone who can reach it; for local demos only");
        return open();
    }

    /** No authentication: for local demos only, and only when the configuration says so. */
    public static ApiKeyFilter open() {
        return new ApiKeyFilter(List.of(), true);
    }

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource != null && resource.getResourceMethod() != null && RoleCheck.isPublic(resource.getResourceMethod())) {
            return; // the API description is public
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        if (open) {
            request.setProperty(CALLER, "anonymous");
            request.setSecurityContext(new Caller("anonymous", null, secure));
            return;
        }
        String key = request.getHeaderString("X-Api-Key");
        String authorization = request.getHeaderString("Authorization");
        if (key == null && authorization != null && authorization.startsWith("Bearer ")) {
            key = authorization.substring("Bearer ".length()).strip();
        }
        AuthSettings.ApiKey known = key == null ? null : byHash.get(sha256(key));
        if (known == null) {
            request.abortWith(error(Response.Status.UNAUTHORIZED, key == null
                    ? "an API key is required: send it as X-Api-Key or Authorization: Bearer" : "unknown API key"));
            return;
        }
        request.setProperty(CALLER, known.getName());
        request.setProperty(PERSON, known.holder());
        request.setProperty(jipan.stores.StoreScope.PROPERTY, jipan.stores.StoreScope.of(known.getStores()));
        request.setSecurityContext(new Caller("the " + known.getRole() + " key '" + known.getName() + "'",
                known.getRole(), secure));
    }

    /** Who is calling: a key's name and role, or (role null) anyone when authentication is off. */
    private record Caller(String name, Role role, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return this::name;
        }

        @Override
        public boolean isUserInRole(String wanted) {
            return role == null || role.name().equals(wanted);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "API key";
        }
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static Response error(Response.Status status, String message) {
        return Problem.of(status.getStatusCode(), status == Response.Status.UNAUTHORIZED ? "api-key" : "role", message)
                .response();
    }
}
