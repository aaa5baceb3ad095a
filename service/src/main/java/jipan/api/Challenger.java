package jipan.api;

import java.time.LocalDateTime;

/** The challenger: stored rule version {@code seq} ({@code version}), named by whom and when. */
public record Challenger(long seq, String version, String namedBy, LocalDateTime namedAt) {
}
