package jipan.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import jipan.api.ErrorResponse;

/**
 * One error body for every refusal the framework makes (404 for an unknown id or path, 400 for a bad
 * parameter or malformed JSON, 405, 415 …): {@code {"code", "message", "errors"}}, like the service's own.
 */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    static Response of(int status, String message) {
        String text = message == null || message.isBlank() ? Response.Status.fromStatusCode(status) == null
                ? "error " + status : Response.Status.fromStatusCode(status).getReasonPhrase() : message;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(status, text, List.of(text))).build();
    }

    /** A refusal raised by a resource or by Jersey itself. */
    public static final class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            if (status >= 500) {
                return exception.getResponse();
            }
            Response response = of(status, exception.getMessage());
            return status == 405 && exception.getResponse().getAllowedMethods() != null
                    ? Response.fromResponse(response).allow(exception.getResponse().getAllowedMethods()).build()
                    : response;
        }
    }

    /** A body that is not JSON, or not of the expected shape. */
    public static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            return of(400, "the body is not valid JSON: " + exception.getOriginalMessage());
        }
    }
}
