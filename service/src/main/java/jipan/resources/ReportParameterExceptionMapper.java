package jipan.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import jipan.api.ErrorResponse;
import jipan.reports.ReportParameterException;

/** A report parameter that cannot be used is 400, naming the parameter. */
public class ReportParameterExceptionMapper implements ExceptionMapper<ReportParameterException> {
    @Override
    public Response toResponse(ReportParameterException exception) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(400, exception.getMessage(), List.of(exception.getMessage()))).build();
    }
}
