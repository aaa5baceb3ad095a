package jipan.bench;

import java.time.LocalDate;
import java.util.List;
import jipan.core.CustomerFacts;
import jipan.core.facts.PayType;
import jipan.core.facts.Tier;
import jipan.core.facts.Visit;

/**
 * The A/B/C/D tier rule hand-written in Java, kept only as the benchmark's floor: how fast tiering could be
 * with no rule engine at all. The service never uses it; its thresholds are the default rules' and are not
 * read from {@code rules/}.
 */
public final class PlainJavaTierFloor {
    private PlainJavaTierFloor() {
    }

    public static Tier tier(LocalDate asOf, CustomerFacts customer) {
        LocalDate start = asOf.minusMonths(12);
        int customerPay = 0;
        int any = 0;
        for (Visit visit : customer.visits()) {
            if (visit.getDate().isAfter(start) && !visit.getDate().isAfter(asOf)) {
                any++;
                if (visit.getPayType() == PayType.CUSTOMER_PAY) {
                    customerPay++;
                }
            }
        }
        if (customerPay >= 4) {
            return Tier.A;
        } else if (customerPay >= 2) {
            return Tier.B;
        } else if (customerPay >= 1) {
            return Tier.C;
        }
        return any > 0 ? Tier.NONE : Tier.D;
    }

    /** Tiers every customer; returns how many got A, so the work cannot be optimised away. */
    public static int tierAll(LocalDate asOf, List<CustomerFacts> customers) {
        int a = 0;
        for (CustomerFacts customer : customers) {
            if (tier(asOf, customer) == Tier.A) {
                a++;
            }
        }
        return a;
    }
}
