package jipan.core.facts;

/** A rule's decision of one vehicle's lifecycle stage. */
public final class LifecycleAssigned implements Explained {
    private final String vin;
    private final Lifecycle stage;
    private final String because;

    public LifecycleAssigned(String vin, Lifecycle stage, String because) {
        this.vin = vin;
        this.stage = stage;
        this.because = because;
    }

    public String getVin() { return vin; }
    public Lifecycle getStage() { return stage; }
    @Override
    public String getBecause() { return because; }
}
