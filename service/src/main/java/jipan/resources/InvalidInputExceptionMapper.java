package jipan.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jipan.api.ErrorResponse;
import jipan.api.InvalidInputException;

/** Bad input is 422 with every problem by JSON path. */
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {
    private static final int UNPROCESSABLE = 422;

    @Override
    public Response toResponse(InvalidInputException exception) {
        int count = exception.errors().size();
        return Response.status(UNPROCESSABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(UNPROCESSABLE,
                        "the request has " + count + " problem" + (count == 1 ? "" : "s"), exception.errors()))
                .build();
    }
}
