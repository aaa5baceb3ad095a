package jipan.admin;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The admin port (health checks, metrics, tasks). It listens on loopback unless a connector names a
 * {@code bindHost}; its tasks (such as {@code log-level}, which changes logging for everyone) answer only
 * when {@code tasks: true}.
 */
public class AdminSettings {
    private boolean tasks;

    @JsonProperty public boolean isTasks() { return tasks; }
    @JsonProperty public void setTasks(boolean tasks) { this.tasks = tasks; }
}
