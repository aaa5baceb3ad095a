package jipan.core.facts;

/** The survey view of loyalty (seed 004): recent visits all paid by the customer and a high repurchase intent. */
public final class RepurchaseSignal implements Explained {
    private final String because;

    public RepurchaseSignal(String because) {
        this.because = because;
    }

    @Override
    public String getBecause() { return because; }
}
