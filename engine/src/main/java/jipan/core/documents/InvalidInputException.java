package jipan.core.documents;

import java.util.List;

/** The request breaks the contract; {@code errors} lists every problem as {@code json.path: what is wrong}. */
public final class InvalidInputException extends RuntimeException {
    private final List<String> errors;

    public InvalidInputException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
