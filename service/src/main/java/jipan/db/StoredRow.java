package jipan.db;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A stored row as an import compares it: its key (the first column) and the other columns as canonical text,
 * so the same value reads the same from H2 and PostgreSQL and from a freshly parsed row.
 */
public record StoredRow(String key, List<String> values) {

    /**
     * One canonical text per value: dates ISO, amounts without trailing zeros, enums by name, null as "∅"; whole
     * numbers and booleans as Java writes them (an Integer and a Long of the same value read the same).
     */
    public static String canonical(Object value) {
        if (value == null) {
            return "∅";
        } else if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        } else if (value instanceof Date date) {
            return date.toLocalDate().toString();
        } else if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    public static final class Mapper implements RowMapper<StoredRow> {
        @Override
        public StoredRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            List<String> values = new ArrayList<>();
            for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(canonical(rs.getObject(i)));
            }
            return new StoredRow(rs.getString(1), values);
        }
    }
}
