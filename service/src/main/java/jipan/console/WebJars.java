package jipan.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where a WebJar on the class path keeps its files, found from its Maven properties: its version is written
 * once, in the pom.
 */
public final class WebJars {
    private WebJars() {
    }

    /** {@code /META-INF/resources/webjars/ARTIFACT/VERSION/}, or an error naming the WebJar that is missing. */
    public static String root(String groupId, String artifactId) {
        Properties webjar = new Properties();
        try (InputStream in = WebJars.class.getResourceAsStream(
                "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the " + artifactId + " WebJar is not on the class path");
            }
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/" + artifactId + "/" + webjar.getProperty("version") + "/";
    }
}
