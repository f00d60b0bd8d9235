package io.github.camelkoophone.simulator.iam;

import java.util.Objects;

/**
 * An IAM user that may log in with a password and receive a token scoped to its one project.
 *
 * @param name        IAM user name
 * @param password    password (never journaled)
 * @param domain      account (domain) name
 * @param projectName project name, e.g. {@code cn-north-7}
 * @param projectId   project id (32 lower-case hex by convention)
 */
public record SimUser(String name, String password, String domain, String projectName, String projectId) {

    public SimUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(projectId, "projectId");
    }

    @Override
    public String toString() {
        return "SimUser[name=" + name + ", domain=" + domain + ", project=" + projectName + "/" + projectId + "]";
    }
}
