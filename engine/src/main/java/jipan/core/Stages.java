package jipan.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work handed to another thread. */
public final class Stages {
    private Stages() {
    }

    /**
     * The value of a stage, or its failure as it was thrown (a RuntimeException or an Error, not wrapped): a rule that
     * failed for a customer, named in its message, reaches the caller as the classifier threw it.
     */
    public static <T> T await(CompletableFuture<T> stage) {
        try {
            return stage.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
