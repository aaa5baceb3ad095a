package jipan.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * Starts a classification run as of {@code asOf} of every stored customer, or of one store's ({@code store}, its
 * code; a key limited to one store runs its store).
 */
public record RunRequest(@NotNull LocalDate asOf, @jakarta.validation.constraints.Size(max = 20) String store) {
    public RunRequest(LocalDate asOf) {
        this(asOf, null);
    }
}
