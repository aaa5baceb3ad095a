package jipan.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jipan.api.Problem;

/**
 * One error body for every refusal the framework makes (404 for an unknown id or path, 400 for a bad
 * parameter or malformed JSON, 405, 415 …): an RFC 9457 {@link Problem}, like the service's own.
 */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    static Response of(int status, String message) {
        return Problem.forStatus(status, message).response();
    }

    /** A refusal raised by a resource or by Jersey itself. */
    public static final class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            if (exception.getResponse().hasEntity()) {
                return exception.getResponse(); // a resource already wrote the problem
            }
            String detail = status == 415 ? "send the body as one of the types this endpoint consumes (application/json, "
                    + "or text/csv for imports); got " + exception.getMessage() : exception.getMessage();
            Response response = status >= 500 ? Problem.of(status, "server-error", "the request could not be completed")
                    .response() : of(status, detail);
            return status == 405 && exception.getResponse().getAllowedMethods() != null
                    ? Response.fromResponse(response).allow(exception.getResponse().getAllowedMethods()).build()
                    : response;
        }
    }

    /** Anything else that went wrong: logged with an id, answered as a problem that names it. */
    public static final class Unexpected implements ExceptionMapper<Exception> {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Unexpected.class);

        @Override
        public Response toResponse(Exception exception) {
            String id = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
            LOG.error("request failed, logged as {}", id, exception);
            return Problem.of(500, "server-error", "the request could not be completed; it is logged as " + id)
                    .response();
        }
    }

    /** A body that is not JSON, or not of the expected shape. */
    public static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            com.fasterxml.jackson.core.JsonLocation at = exception.getLocation();
            return of(400, "the body is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + exception.getOriginalMessage());
        }
    }
}
