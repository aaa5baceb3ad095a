package jipan.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import jipan.api.Problem;
import jipan.reports.ReportParameterException;

/** A report parameter that cannot be used is 400, naming the parameter; one naming nothing that exists, 404. */
public class ReportParameterExceptionMapper implements ExceptionMapper<ReportParameterException> {
    @Override
    public Response toResponse(ReportParameterException exception) {
        int status = exception.isUnknown() ? 404 : 400;
        return Problem.invalid(status, exception.isUnknown() ? "not-found" : "bad-parameter", exception.getMessage(),
                List.of(exception.getMessage())).response();
    }
}
