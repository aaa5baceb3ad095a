package jipan.core.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/**
 * What a lost customer was worth, derived once by a rule for the win-back offers: the customer-pay spend in the
 * months before they lapsed (after {@code from}, up to their last visit), and the latest day they declined a
 * win-back call (null when they never did).
 */
public final class LapsedValue {
    private final LocalDate from;
    private final LocalDate lastVisit;
    private final BigDecimal spend;
    private final LocalDate lastDeclined;

    /**
     * @param visits   the customer's visits up to asOf
     * @param contacts the customer's recorded calls up to asOf
     */
    public LapsedValue(LocalDate lastVisit, int months, Collection<Visit> visits, Collection<Contact> contacts) {
        this.lastVisit = lastVisit;
        this.from = lastVisit.minusMonths(months);
        BigDecimal paid = BigDecimal.ZERO;
        for (Visit visit : visits) {
            if (visit.getPayType() == PayType.CUSTOMER_PAY && visit.getAmount() != null
                    && visit.getDate().isAfter(from) && !visit.getDate().isAfter(lastVisit)) {
                paid = paid.add(visit.getAmount());
            }
        }
        this.spend = paid;
        LocalDate declined = null;
        for (Contact contact : contacts) {
            if (contact.getKind() == FollowUpKind.WIN_BACK && contact.getOutcome() == ContactOutcome.DECLINED
                    && contact.getDate() != null && (declined == null || contact.getDate().isAfter(declined))) {
                declined = contact.getDate();
            }
        }
        this.lastDeclined = declined;
    }

    /** The spend is counted after this day. */
    public LocalDate getFrom() { return from; }
    public LocalDate getLastVisit() { return lastVisit; }
    /** Customer-pay spend after {@code from} up to the last visit, in yuan. */
    public BigDecimal getSpend() { return spend; }
    /** The latest day the customer declined a win-back call, or null. */
    public LocalDate getLastDeclined() { return lastDeclined; }
    /** Whether the customer declined a win-back call after {@code day}. */
    public boolean declinedAfter(LocalDate day) {
        return lastDeclined != null && lastDeclined.isAfter(day);
    }
}
