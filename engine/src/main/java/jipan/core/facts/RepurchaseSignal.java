package jipan.core.facts;

/** The survey view of loyalty (seed 004): recent visits all paid by the customer and a high repurchase intent. */
public final class RepurchaseSignal implements Explained {
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public RepurchaseSignal(String because) {
        this(Because.text(because));
    }

    public RepurchaseSignal(Because because) {
        this.because = because;
    }

    @Override
    public Because getBecause() { return because; }
}
