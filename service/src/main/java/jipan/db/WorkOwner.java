package jipan.db;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The instance that does a classification run or an import, as the store records it: its {@code id} (host, process
 * and a random part: a restarted process is another owner), how often it says it is alive ({@code heartbeat}) and
 * after how long without a heartbeat its work counts as abandoned ({@code staleAfter}): then, and only then, another
 * instance marks it interrupted or takes it over.
 */
public record WorkOwner(String id, Duration heartbeat, Duration staleAfter) {
    private static final String PROCESS = host() + "/" + ProcessHandle.current().pid() + "/"
            + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));

    public WorkOwner {
        if (staleAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("work.staleAfterSeconds must be at least twice work.heartbeatSeconds "
                    + "(got " + staleAfter.toSeconds() + " and " + heartbeat.toSeconds() + ")");
        }
    }

    /** This process, with the default timing: a heartbeat every 10 s, abandoned after 60 s without one. */
    public static WorkOwner thisProcess() {
        return thisProcess(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public static WorkOwner thisProcess(Duration heartbeat, Duration staleAfter) {
        return new WorkOwner(PROCESS, heartbeat, staleAfter);
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return Columns.clip(name, 100);
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
