package jipan.api;

import java.time.LocalDateTime;
import java.util.Set;

/** A version without its files. */
public record RuleVersion(long seq, String hash, String author, String comment, LocalDateTime createdAt,
                          boolean active, Set<String> files) {
}
