package jipan.core;

import jipan.core.facts.LoyaltyLevel;

/** The loyalty score, its four parts and the loyalty level, as SPEC §5 names them. */
public record LoyaltyResult(int score, int satisfaction, int maintenance, int activity, int advocacy,
                            LoyaltyLevel level) {
}
