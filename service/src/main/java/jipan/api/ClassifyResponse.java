package jipan.api;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code POST /api/v1/classify}: one result per customer, in request order. */
public record ClassifyResponse(LocalDate asOf, String rulesetVersion, List<CustomerResult> results) {
}
