package jipan.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import jipan.api.Problem;
import jipan.core.RuleEvaluationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules, not the request, are at fault: 500 naming the rules, so an analyst can fix them. */
public class RuleEvaluationExceptionMapper implements ExceptionMapper<RuleEvaluationException> {
    private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluationExceptionMapper.class);

    @Override
    public Response toResponse(RuleEvaluationException exception) {
        LOG.error("rule error: {}", exception.getMessage());
        int status = Response.Status.INTERNAL_SERVER_ERROR.getStatusCode();
        return Problem.invalid(status, "rules-gave-no-answer", "the rules gave no usable answer: "
                + exception.getMessage(), List.of(exception.getMessage())).response();
    }
}
