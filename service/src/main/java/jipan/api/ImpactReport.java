package jipan.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The impact report: how many customers were compared, and per output its cells (changed cells first). */
public record ImpactReport(LocalDate asOf, String liveVersion, String candidateVersion, int customers,
                           int storedCustomers, Map<String, List<ImpactCell>> migrations) {
}
