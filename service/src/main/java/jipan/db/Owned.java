package jipan.db;

/** A fact read from the store together with the customer it belongs to. */
public record Owned<T>(String customerId, T fact) {
}
