package jipan.auth;

/**
 * The role names for {@code @RolesAllowed} on resource methods (annotation values must be constants). Every
 * resource method names its roles; {@link RoleCheck} enforces them on the matched method, so no spelling of
 * a path can reach a method with a role it does not name. The README's role table lists the same.
 */
public final class Roles {
    public static final String INTEGRATION = "INTEGRATION";
    public static final String ANALYST = "ANALYST";
    public static final String SERVICE = "SERVICE";
    public static final String VIEWER = "VIEWER";
    public static final String APPROVER = "APPROVER";

    private Roles() {
    }
}
