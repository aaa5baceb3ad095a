package jipan.admin;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the admin port to the machine itself and its tasks closed, unless the configuration opens them. */
public final class AdminPort {
    private static final Logger LOG = LoggerFactory.getLogger(AdminPort.class);
    public static final String LOOPBACK = "127.0.0.1";

    private AdminPort() {
    }

    /** Admin connectors without a bindHost listen on loopback (before the server is built from them). */
    public static void loopbackByDefault(ServerFactory server) {
        List<ConnectorFactory> connectors = server instanceof DefaultServerFactory factory
                ? factory.getAdminConnectors() : List.of();
        for (ConnectorFactory connector : connectors) {
            if (connector instanceof HttpConnectorFactory http && http.getBindHost() == null) {
                http.setBindHost(LOOPBACK);
                LOG.info("admin port {} listens on {} (give server.adminConnectors a bindHost to change that)",
                        http.getPort(), LOOPBACK);
            }
        }
        if (server instanceof SimpleServerFactory) {
            LOG.warn("server type 'simple' shares one connector between the API and the admin pages");
        }
    }

    /** Answers 404 on the admin tasks unless they are switched on. */
    public static void closeTasksUnlessEnabled(Environment environment, AdminSettings settings) {
        if (settings.isTasks()) {
            LOG.warn("admin tasks are on: anyone who reaches the admin port can run them");
            return;
        }
        Filter closed = (ServletRequest request, ServletResponse response, FilterChain chain) -> closed(response);
        environment.admin().addFilter("tasks-closed", closed)
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), true, "/tasks", "/tasks/*");
    }

    private static void closed(ServletResponse response) throws IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(HttpServletResponse.SC_NOT_FOUND);
        http.setContentType("text/plain;charset=UTF-8");
        http.getWriter().println("admin tasks are off (admin.tasks: true in the configuration turns them on)");
    }
}
