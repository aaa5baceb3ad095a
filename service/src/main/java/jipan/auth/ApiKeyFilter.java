package jipan.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jipan.api.ErrorResponse;

/**
 * Checks the API key of every {@code /api/} request ({@code X-Api-Key: KEY} or {@code Authorization: Bearer KEY})
 * and the role it needs: 401 without a known key, 403 with a key whose role may not do that.
 */
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {
    private final Map<String, AuthSettings.ApiKey> byHash;

    public ApiKeyFilter(List<AuthSettings.ApiKey> keys) {
        this.byHash = keys.stream().collect(Collectors.toMap(AuthSettings.ApiKey::getSha256, Function.identity()));
    }

    /** The request property that names the caller (the key's name), for the records a request writes. */
    public static final String CALLER = "jipan.caller";

    /** The roles that may make a request, by its path and method. */
    static Set<Role> allowed(String path, String method) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith("api/v1/rules")) {
            return Set.of(Role.ANALYST);
        }
        if (p.startsWith("api/v1/reports")) {
            return Set.of(Role.ANALYST, Role.VIEWER);
        }
        if (p.startsWith("api/v1/classification-runs") && method.equals("GET")) {
            return Set.of(Role.INTEGRATION, Role.ANALYST, Role.VIEWER);
        }
        return Set.of(Role.INTEGRATION, Role.ANALYST);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
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
        Set<Role> allowed = allowed(path, request.getMethod());
        if (!allowed.contains(known.getRole())) {
            request.abortWith(error(Response.Status.FORBIDDEN, "the " + known.getRole() + " key '" + known.getName()
                    + "' may not " + request.getMethod() + " /" + path + " (needs " + allowed + ")"));
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

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(status.getStatusCode(), message, List.of(message))).build();
    }
}
