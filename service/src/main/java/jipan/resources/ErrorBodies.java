package jipan.resources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.jersey.validation.ConstraintMessage;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jipan.api.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One error body for every refusal the framework makes (404 for an unknown id or path, 400 for a bad
 * parameter or malformed JSON, 405, 415 …): an RFC 9457 {@link Problem}, like the service's own.
 */
public final class ErrorBodies {

    /** Every mapper of this class, so that every error of every endpoint answers as a problem. */
    public static void register(JerseyEnvironment jersey) {
        jersey.register(new WebApplication());
        jersey.register(new MalformedJson());
        jersey.register(new Violations());
        jersey.register(new Unexpected());
    }
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
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);

        @Override
        public Response toResponse(Exception exception) {
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
            LOG.error("request failed, logged as {}", id, exception);
            return Problem.of(500, "server-error", "the request could not be completed; it is logged as " + id)
                    .response();
        }
    }

    /**
     * A body that is not JSON (400 with line and column), or JSON that cannot be read as the endpoint's body
     * (400 naming the field: a value of the wrong type, an unknown field).
     */
    public static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            JsonLocation at = exception.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String path = path(mapping.getPath());
                String message = mapping instanceof UnrecognizedPropertyException ? "is not a field of this body"
                        : mapping instanceof InvalidFormatException format && format.getTargetType() == LocalDate.class
                        ? format.getOriginalMessage()
                        : "cannot be read as the type it must be" + where;
                return Problem.invalid(400, "bad-request", "the body cannot be read: " + path + " " + message,
                        List.of(path + ": " + message)).response();
            }
            return of(400, "the body is not valid JSON" + where + ": " + exception.getOriginalMessage());
        }

        private static String path(List<JsonMappingException.Reference> references) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : references) {
                if (reference.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }
    }

    /**
     * Bean Validation of a typed body or parameter: 422 for a body's fields (each by its path), 400 for a
     * query or path parameter (the request cannot be read), as the README's Errors section says.
     */
    public static final class Violations implements ExceptionMapper<JerseyViolationException> {
        private static final Pattern PARAMETER =
                Pattern.compile("^(?:query param|path param|header|form field|cookie) (\\S+) (.*)$");

        @Override
        public Response toResponse(JerseyViolationException exception) {
            List<String> problems = new ArrayList<>();
            boolean bodyOnly = true;
            for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
                Optional<String> inBody = ConstraintMessage.isRequestEntity(violation, exception.getInvocable());
                if (inBody.isPresent()) {
                    String path = inBody.get().isEmpty() ? "body" : inBody.get();
                    problems.add(path + ": " + (path.equals("body") && violation.getInvalidValue() == null
                            ? "is required (a JSON object)" : violation.getConstraintDescriptor().getAnnotation()
                            instanceof NotNull ? "is required" : violation.getMessage()));
                } else {
                    bodyOnly = false;
                    Matcher parameter = PARAMETER.matcher(
                            ConstraintMessage.getMessage(violation, exception.getInvocable()));
                    String message = violation.getConstraintDescriptor().getAnnotation() instanceof NotNull
                            ? "is required" : parameter.matches() ? parameter.group(2) : violation.getMessage();
                    problems.add(parameter.matches() ? parameter.group(1) + ": " + message
                            : ConstraintMessage.getMessage(violation, exception.getInvocable()));
                }
            }
            problems.sort(null);
            int status = bodyOnly ? 422 : 400;
            return Problem.invalid(status, bodyOnly ? "invalid-input" : "bad-request", problems.size() == 1
                    ? problems.get(0) : "the request has " + problems.size() + " problems", problems).response();
        }
    }
}
