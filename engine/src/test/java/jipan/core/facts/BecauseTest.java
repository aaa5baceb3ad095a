package jipan.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.IllegalFormatConversionException;
import java.util.List;
import java.util.MissingFormatArgumentException;
import java.util.UnknownFormatConversionException;
import org.junit.jupiter.api.Test;

/** The reason formatter writes what String.format writes, for the templates it handles and those it hands on. */
class BecauseTest {

    @Test
    void theTemplatesReasonsUseComeOutAsStringFormatWritesThem() {
        Object[][] cases = {
                {"%d customer-pay visits in the %d months to %s (A from %d) → A", 4, 12, LocalDate.of(2012, 9, 30), 4},
                {"repurchase intent %d%% at best (%d%% needed)", 85, 70},
                {"paid %s in the window (at least %s)", new BigDecimal("5230.50"), 5000},
                {"more than %s × %d", 1.5, -3},
                {"referrals of %s; %s; %d; %d", List.of(LocalDate.of(2012, 1, 2)), null, null, Long.MIN_VALUE},
                {"%s bought %s", "LSGPC52U8CF000001", Tier.A},
                {"%d %d %d", (short) 7, (byte) -1, BigInteger.TEN.pow(30)},
                {"no placeholder at all", 1},
                {"", },
                {"%s%s%%%d", "a", "b", 0},
                // handed to String.format: flags, widths, precisions, other conversions, indexes
                {"%.1f%% of %,d (%5s|%-4d|%1$s) %x %n%b", 12.345, 1234567, "ab", 7, 255, true},
        };
        for (Object[] example : cases) {
            String template = (String) example[0];
            Object[] args = Arrays.copyOfRange(example, 1, example.length);
            assertThat(Because.formatted(template, args)).as(template).isEqualTo(String.format(template, args));
        }
    }

    @Test
    void aValueThatDoesNotFitItsConversionFailsAsStringFormatFails() {
        assertThatThrownBy(() -> Because.formatted("%d visits", 1.5)).isInstanceOf(IllegalFormatConversionException.class);
        assertThatThrownBy(() -> Because.formatted("%d and %s", 1)).isInstanceOf(MissingFormatArgumentException.class);
        assertThatThrownBy(() -> Because.formatted("ends with %", 1)).isInstanceOf(UnknownFormatConversionException.class);
    }
}
