package jipan.core.documents;

import java.time.LocalDate;
import java.util.List;
import jipan.core.CustomerFacts;

/** A valid {@code POST /api/v1/classify} body. */
public record ClassifyRequest(LocalDate asOf, List<CustomerFacts> customers) {
}
