package jipan.api;

import java.util.List;

/** Every error answer: the HTTP code, a summary and, for bad input, each problem by JSON path. */
public record ErrorResponse(int code, String message, List<String> errors) {
}
