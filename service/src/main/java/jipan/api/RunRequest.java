package jipan.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Starts a classification run of every stored customer as of {@code asOf}. */
public record RunRequest(@NotNull LocalDate asOf) {
}
