package jipan.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Where the customer store lives. The default is an embedded H2 database in a file under {@code ./data};
 * PostgreSQL is chosen by its JDBC URL alone ({@code jdbc:postgresql://host:5432/jipan}).
 */
public class DatabaseSettings {
    @NotBlank
    // AUTO_SERVER: the service and the command line (import, report, classify-all, db) can use the file at once;
    // COMPRESS: H2 compresses the pages it writes (a classification run grows the file about 4 times less)
    private String url = "jdbc:h2:file:./data/jipan;AUTO_SERVER=TRUE;COMPRESS=TRUE";
    private String user = "jipan";
    private String password = "";
    @Min(1)
    private int maxPoolSize = 8;
    /** Apply pending schema migrations when the service starts (else run {@code db migrate}). */
    private boolean migrateOnStart = true;

    @JsonProperty public String getUrl() { return url; }
    @JsonProperty public void setUrl(String url) { this.url = url; }
    @JsonProperty public String getUser() { return user; }
    @JsonProperty public void setUser(String user) { this.user = user; }
    @JsonProperty public String getPassword() { return password; }
    @JsonProperty public void setPassword(String password) { this.password = password; }
    @JsonProperty public int getMaxPoolSize() { return maxPoolSize; }
    @JsonProperty public void setMaxPoolSize(int maxPoolSize) { this.maxPoolSize = maxPoolSize; }
    @JsonProperty public boolean isMigrateOnStart() { return migrateOnStart; }
    @JsonProperty public void setMigrateOnStart(boolean migrateOnStart) { this.migrateOnStart = migrateOnStart; }
}
