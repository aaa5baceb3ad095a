package jipan.nightly;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Optional;

/**
 * A five-field cron expression — minute, hour, day of month, month, day of week (0 or 7: Sunday) — with {@code *},
 * numbers, ranges {@code a-b}, lists {@code a,b} and steps {@code *}{@code /n} or {@code a-b/n}. As in cron, when both
 * the day of month and the day of week are restricted, a day matching either runs.
 */
public final class Cron {
    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private Cron(String text, BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
                 boolean anyDay, boolean anyWeekday) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.weekdays = weekdays;
        this.anyDay = anyDay;
        this.anyWeekday = anyWeekday;
    }

    /** The expression read, or an {@link IllegalArgumentException} naming the field that is wrong. */
    public static Cron parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a cron expression is five fields: minute hour day month weekday");
        }
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a cron expression is five fields: minute hour day month weekday (got "
                    + fields.length + " in '" + clip(text) + "')");
        }
        BitSet weekdays = field("weekday", fields[4], 0, 7);
        if (weekdays.get(7)) {
            weekdays.set(0); // 7 is Sunday too
            weekdays.clear(7);
        }
        return new Cron(text.strip(), field("minute", fields[0], 0, 59), field("hour", fields[1], 0, 23),
                field("day", fields[2], 1, 31), field("month", fields[3], 1, 12), weekdays,
                fields[2].equals("*"), fields[4].equals("*"));
    }

    private static BitSet field(String name, String text, int min, int max) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(name, part.substring(slash + 1), 1, max);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException(name + ": '" + clip(part) + "' is not a range a-b");
                }
                from = number(name, ends[0], min, max);
                to = number(name, ends[1], min, max);
                if (from > to) {
                    throw new IllegalArgumentException(name + ": the range " + clip(part) + " runs backwards");
                }
            } else {
                from = number(name, range, min, max);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a number from " + min + " to " + max + ", *, a range, "
                    + "a list or a step (got '" + clip(text) + "')");
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private boolean runsOn(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dayMatches = days.get(day.getDayOfMonth());
        boolean weekdayMatches = weekdays.get(day.getDayOfWeek().getValue() % 7);
        if (anyDay || anyWeekday) {
            return dayMatches && weekdayMatches;
        }
        return dayMatches || weekdayMatches;
    }

    /** The latest time at or before {@code now} (to the minute, in {@code now}'s zone) the schedule fired, within a year. */
    public Optional<ZonedDateTime> latestAtOrBefore(ZonedDateTime now) {
        LocalDateTime local = now.toLocalDateTime().withSecond(0).withNano(0);
        for (int back = 0; back <= 366; back++) {
            LocalDate day = local.toLocalDate().minusDays(back);
            if (!runsOn(day)) {
                continue;
            }
            int lastHour = back == 0 ? local.getHour() : 23;
            for (int hour = lastHour; hour >= 0; hour--) {
                if (!hours.get(hour)) {
                    continue;
                }
                int lastMinute = back == 0 && hour == local.getHour() ? local.getMinute() : 59;
                int minute = minutes.previousSetBit(lastMinute);
                if (minute >= 0) {
                    return Optional.of(day.atTime(hour, minute).atZone(now.getZone()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
