package jipan.core.facts;

/** A rule's decision of one vehicle's lifecycle stage. */
public final class LifecycleAssigned implements Explained {
    private final String vin;
    private final Lifecycle stage;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public LifecycleAssigned(String vin, Lifecycle stage, String because) {
        this(vin, stage, Because.text(because));
    }

    public LifecycleAssigned(String vin, Lifecycle stage, Because because) {
        this.vin = vin;
        this.stage = stage;
        this.because = because;
    }

    public String getVin() { return vin; }
    public Lifecycle getStage() { return stage; }
    @Override
    public Because getBecause() { return because; }
}
