package jipan.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jipan.api.Problem;
import jipan.core.documents.InvalidInputException;

/** Bad input is 422 with every problem by JSON path. */
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {
    private static final int UNPROCESSABLE = 422;

    @Override
    public Response toResponse(InvalidInputException exception) {
        int count = exception.errors().size();
        return Problem.invalid(UNPROCESSABLE, "invalid-input",
                "the request has " + count + " problem" + (count == 1 ? "" : "s"), exception.errors()).response();
    }
}
