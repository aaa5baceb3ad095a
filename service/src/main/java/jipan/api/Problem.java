package jipan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Every error answer of every endpoint, as RFC 9457 {@code application/problem+json}: {@code type} (a URN
 * naming the kind of problem), {@code title} (the HTTP reason), {@code status}, {@code detail} (what went
 * wrong, in words), and for bad input {@code errors}, each with the {@code path} it concerns (a JSON path,
 * a parameter, or a rule file's {@code file:line:column}) and a {@code message}. A refused rule set adds the
 * {@code candidateVersion} and the {@code liveVersion} that stays.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      String candidateVersion, String liveVersion) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** One problem of the input: where, and what is wrong there. */
    public record FieldError(String path, String message) {
        /** Splits {@code "customers[1].id: is required"} (or {@code "tiers.drl:3:5 in rule …"}) at its path. */
        public static FieldError of(String text) {
            int split = text.indexOf(": ");
            int ruleSplit = text.indexOf(" ");
            if (text.matches("^[^ ]+\\.drl:\\d+:\\d+ .*") && ruleSplit > 0) {
                return new FieldError(text.substring(0, ruleSplit), text.substring(ruleSplit + 1));
            }
            return split > 0 && !text.substring(0, split).contains(" ")
                    ? new FieldError(text.substring(0, split), text.substring(split + 2)) : new FieldError(null, text);
        }
    }

    /**
     * A refusal by HTTP status alone (the framework's and the web server's): the kind follows from the status,
     * the detail defaults to the reason phrase.
     */
    public static Problem forStatus(int status, String detail) {
        String kind = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        return of(status, kind, detail == null || detail.isBlank() ? title(status) : detail);
    }

    public static Problem of(int status, String kind, String detail) {
        return new Problem("urn:jipan:problem:" + kind, title(status), status, detail, null, null, null);
    }

    /** Bad input: every problem, each by its path. */
    public static Problem invalid(int status, String kind, String detail, List<String> problems) {
        return new Problem("urn:jipan:problem:" + kind, title(status), status, detail,
                problems.stream().map(FieldError::of).toList(), null, null);
    }

    public Problem withVersions(String candidate, String live) {
        return new Problem(type, title, status, detail, errors, candidate, live);
    }

    public Response response() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error " + status;
    }
}
