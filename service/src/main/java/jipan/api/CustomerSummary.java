package jipan.api;

/** A customer a search found: id, name, phone and region. */
public record CustomerSummary(String id, String name, String phone, String region, String store) {
}
