package jipan.api;

import java.util.List;

/**
 * The shape of a {@code PUT /api/v1/customers} body, for the OpenAPI document: the customers to store (a bare
 * array of customers is taken too). Read like the classify body: every problem at once.
 */
public record UpsertRequestBody(List<CustomerDocument> customers) {
}
