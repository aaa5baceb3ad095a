package jipan.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import jipan.core.facts.FollowUpKind;
import org.junit.jupiter.api.Test;

/** The holdout: deterministic, about the share asked for, per kind; and the interval of the difference. */
class HoldoutTest {

    @Test
    void aShareOfEachKindIsHeldOutTheSameWayEveryTime() {
        Holdout holdout = new Holdout(10, Map.of(FollowUpKind.WIN_BACK, 50, FollowUpKind.CARE_CALL, 0));
        int retention = 0;
        int winBack = 0;
        for (int i = 0; i < 10_000; i++) {
            String id = String.format("D%06d", i);
            retention += holdout.heldOut(id, FollowUpKind.RETENTION_CALL) ? 1 : 0;
            winBack += holdout.heldOut(id, FollowUpKind.WIN_BACK) ? 1 : 0;
            assertThat(holdout.heldOut(id, FollowUpKind.CARE_CALL)).isFalse();
            assertThat(new Holdout(100, Map.of()).heldOut(id, FollowUpKind.CARE_CALL)).isTrue();
        }
        assertThat(retention).isBetween(900, 1_100);
        assertThat(winBack).isBetween(4_800, 5_200);
        assertThat(Holdout.position("D000001", FollowUpKind.RETENTION_CALL)).as("fixed by SHA-256, in every release")
                .isEqualTo(Holdout.position("D000001", FollowUpKind.RETENTION_CALL))
                .isNotEqualTo(Holdout.position("D000001", FollowUpKind.WIN_BACK));
        assertThat(Holdout.NONE.heldOut("D000001", FollowUpKind.RETENTION_CALL)).isFalse();
        assertThatThrownBy(() -> new Holdout(101, Map.of())).hasMessage("holdoutPercent: must be 0 to 100 (%), not 101");
    }

    @Test
    void theDifferenceOfTwoSharesHasItsNinetyFivePercentInterval() {
        // 120 of 400 listed came back (30 %), 20 of 100 held out (20 %): d = 0.10,
        // margin = 1.96 · √(0.3·0.7/400 + 0.2·0.8/100) = 1.96 · √(0.000525 + 0.0016) = 1.96 · 0.046098 = 0.09035
        assertThat(Proportions.difference(120, 400, 20, 100)).isEqualTo(new Proportions(new BigDecimal("0.1000"),
                new BigDecimal("0.0097"), new BigDecimal("0.1903")));
        assertThat(Proportions.difference(1, 10, 0, 0)).isNull();
    }
}
