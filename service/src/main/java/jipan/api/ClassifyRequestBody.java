package jipan.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The shape of a {@code POST /api/v1/classify} body, for the OpenAPI document: the date to classify as of and
 * the customers, each a {@link CustomerDocument}. The service reads the body with the customer document
 * reader, which reports every problem of every customer at once (422, each by its JSON path).
 */
public record ClassifyRequestBody(LocalDate asOf, List<CustomerDocument> customers) {
}
