package jipan.api;

/** How many customers a {@code PUT /api/v1/customers} batch stored. */
public record UpsertResult(int upserted) {
}
