package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.humiao.keys.Role;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Lets through only keys of the given roles (after {@link Authenticator}); 403 for the others. */
public final class RoleCheck implements PlatformHandler {
  private final Set<Role> allowed;

  private RoleCheck(Set<Role> allowed) {
    this.allowed = allowed;
  }

  public static RoleCheck allow(Role first, Role... rest) {
    return new RoleCheck(EnumSet.of(first, rest));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Role role = Authenticator.key(ctx).role();
    if (!allowed.contains(role)) {
      throw new ApiError(ErrorCode.FORBIDDEN, "a " + role.id() + " key may not do this; it needs "
          + allowed.stream().map(Role::id).collect(Collectors.joining(" or ")));
    }
    ctx.next();
  }
}
