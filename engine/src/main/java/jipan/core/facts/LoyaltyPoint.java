package jipan.core.facts;

/** Points of one loyalty criterion, earned or not (0), with the reason. The score adds them up per part. */
public final class LoyaltyPoint implements Explained {
    private final LoyaltyPart part;
    private final int points;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public LoyaltyPoint(LoyaltyPart part, int points, String because) {
        this(part, points, Because.text(because));
    }

    public LoyaltyPoint(LoyaltyPart part, int points, Because because) {
        this.part = part;
        this.points = points;
        this.because = because;
    }

    public LoyaltyPart getPart() { return part; }
    public int getPoints() { return points; }
    @Override
    public Because getBecause() { return because; }
}
