package jipan.spark;

import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/** The jobs' command-line options ({@code --name value}) and what they share: the session, the JDBC login. */
final class Arguments {
    private Arguments() {
    }

    static String value(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

    /** {@code --user} and {@code --password} for the store, when given. */
    static Properties connection(String[] args) {
        return connection(value(args, "--user", null), value(args, "--password", null));
    }

    static Properties connection(String user, String password) {
        Properties connection = new Properties();
        if (user != null) {
            connection.setProperty("user", user);
        }
        if (password != null) {
            connection.setProperty("password", password);
        }
        return connection;
    }

    /** A session on {@code --master} when given (a local run), else on what {@code spark-submit} says. */
    static SparkSession session(String[] args, String name) {
        SparkSession.Builder builder = SparkSession.builder().appName(name);
        if (value(args, "--master", null) != null) {
            builder.master(value(args, "--master", null));
        }
        return builder.getOrCreate();
    }
}
