package jipan.core.facts;

/** A rule's decision of the customer's loyalty level. */
public final class LoyaltyLevelAssigned implements Explained {
    private final LoyaltyLevel level;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public LoyaltyLevelAssigned(LoyaltyLevel level, String because) {
        this(level, Because.text(because));
    }

    public LoyaltyLevelAssigned(LoyaltyLevel level, Because because) {
        this.level = level;
        this.because = because;
    }

    public LoyaltyLevel getLevel() { return level; }
    @Override
    public Because getBecause() { return because; }
}
