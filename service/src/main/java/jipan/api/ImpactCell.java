package jipan.api;

import java.util.List;

/** One cell of a migration matrix. */
public record ImpactCell(String from, String to, int customers, List<String> examples) {
}
