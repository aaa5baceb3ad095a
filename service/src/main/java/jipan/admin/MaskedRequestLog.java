package jipan.admin;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.request.logging.RequestLogFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;

/**
 * The request log as configured, but every query parameter whose name looks like a secret ({@code api_key},
 * {@code token}, {@code password}, {@code secret}, {@code auth}, {@code signature} …) is written as {@code ***}: a
 * client that sends its key as {@code ?api_key=…} instead of in the {@code X-Api-Key} header (which the service
 * never reads from the query) must not leave it in the log. Whatever the log's format, it reads the request's URI
 * from here.
 */
public final class MaskedRequestLog implements RequestLogFactory<RequestLog> {
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(key|token|secret|passw|pwd|auth|signature|credential|session|cookie).*");
    static final String MASK = "***";

    private final RequestLogFactory<?> configured;

    private MaskedRequestLog(RequestLogFactory<?> configured) {
        this.configured = configured;
    }

    /** Puts the masking in front of the server's configured request log. */
    public static void install(ServerFactory server) {
        if (server instanceof AbstractServerFactory factory && !(factory.getRequestLogFactory() instanceof MaskedRequestLog)) {
            factory.setRequestLogFactory(new MaskedRequestLog(factory.getRequestLogFactory()));
        }
    }

    @Override
    public boolean isEnabled() {
        return configured.isEnabled();
    }

    @Override
    public RequestLog build(String name) {
        RequestLog log = configured.build(name);
        return (request, response) -> log.log(masked(request), response);
    }

    static Request masked(Request request) {
        String query = request.getHttpURI().getQuery();
        String safe = mask(query);
        if (safe == null || safe.equals(query)) {
            return request;
        }
        HttpURI uri = HttpURI.build(request.getHttpURI()).query(safe).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        };
    }

    /** The query string with the value of every secret-looking parameter replaced by {@code ***}. */
    static String mask(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringBuilder safe = new StringBuilder(query.length());
        for (String parameter : query.split("&", -1)) {
            if (!safe.isEmpty()) {
                safe.append('&');
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            safe.append(equals >= 0 && SECRET.matcher(decoded(name)).matches() ? name + "=" + MASK : parameter);
        }
        return safe.toString();
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
