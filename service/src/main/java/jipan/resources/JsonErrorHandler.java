package jipan.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import jipan.api.Problem;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The web server's own errors (a malformed URI, a URI or headers too long, an unknown path before any
 * resource) as the same RFC 9457 problem as every other error, whatever the client accepts.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers the web server's own errors, and those of the application's context, with this handler. */
    public static void install(Environment environment) {
        environment.lifecycle().addServerLifecycleListener(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            environment.getApplicationContext().setErrorHandler(new JsonErrorHandler());
        });
    }

    static String body(int code, String message) {
        try {
            return JSON.writeValueAsString(Problem.forStatus(code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body always serialises", e);
        }
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=utf-8");
        response.write(true, ByteBuffer.wrap(body(code, message).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=utf-8"));
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }
}
