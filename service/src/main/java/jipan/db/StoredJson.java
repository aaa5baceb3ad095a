package jipan.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a stored classification result's JSON is kept in its text column: gzip-compressed and Base64-encoded
 * behind a {@code gz:} prefix (a result of about 5 KB of JSON takes about 1.4 KB), read back as the JSON it was.
 * Rows stored before compression (plain JSON, starting with '{') read as they are.
 */
public final class StoredJson {
    private static final String PREFIX = "gz:";

    private StoredJson() {
    }

    public static String compact(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return PREFIX + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    public static String json(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] compressed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try (GZIPInputStream gzip = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored result is not valid compressed JSON", e);
        }
    }
}
