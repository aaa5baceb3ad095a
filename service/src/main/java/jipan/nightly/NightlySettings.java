package jipan.nightly;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;

/**
 * The nightly pipeline ({@code nightly:} in the configuration): when it runs ({@code cron}, five fields, read in
 * {@code timeZone}; none: it does not run), how often an instance looks whether a night is due ({@code pollSeconds}),
 * and how long after its time a night that no instance ran is still run ({@code catchUpHours}: an instance that
 * starts at 03:00 still runs the 02:00 night).
 */
public class NightlySettings {
    @Size(max = 200)
    private String cron;
    @NotBlank
    @Size(max = 60)
    private String timeZone = "UTC";
    @Min(1)
    @Max(3600)
    private int pollSeconds = 30;
    @Min(1)
    @Max(23)
    private int catchUpHours = 20;

    @JsonProperty public String getCron() { return cron; }
    @JsonProperty public void setCron(String cron) { this.cron = cron; }
    @JsonProperty public String getTimeZone() { return timeZone; }
    @JsonProperty public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    @JsonProperty public int getPollSeconds() { return pollSeconds; }
    @JsonProperty public void setPollSeconds(int pollSeconds) { this.pollSeconds = pollSeconds; }
    @JsonProperty public int getCatchUpHours() { return catchUpHours; }
    @JsonProperty public void setCatchUpHours(int catchUpHours) { this.catchUpHours = catchUpHours; }

    /** Whether a schedule is set. */
    public boolean enabled() {
        return cron != null && !cron.isBlank();
    }

    /** The schedule, checked: a wrong field or time zone is named, and the service does not start. */
    public Cron schedule() {
        try {
            return Cron.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nightly.cron: " + e.getMessage(), e);
        }
    }

    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("nightly.timeZone: unknown time zone '" + timeZone
                    + "' (UTC, or a name such as Asia/Shanghai)", e);
        }
    }
}
