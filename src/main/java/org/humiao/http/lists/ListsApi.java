package org.humiao.http.lists;

import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.RoleCheck;
import org.humiao.keys.Role;
import org.humiao.moderation.lists.PlatformLists;

/**
 * A platform's own block and allow lists, {@code /v1/platforms/{platform}/lists/{block|allow}}:
 * read, replaced, patched and emptied by the platform's own keys and admin keys; regulators are
 * refused. The store is read and written on {@code pool}'s workers (disk or Redis).
 */
public record ListsApi(PlatformLists lists, WorkerPool pool) {
  static final String PATH = "/v1/platforms/:platform/lists/:list";

  public void mount(Mount mount) {
    ListRoutes routes = new ListRoutes(lists, pool);
    RoleCheck owners = RoleCheck.allow(Role.PLATFORM, Role.ADMIN);
    mount.route(HttpMethod.GET, PATH, Access.ANY_KEY, owners, routes::read);
    mount.route(HttpMethod.DELETE, PATH, Access.ANY_KEY, owners, routes::clear);
    // PLATFORM_BODY admits platform and admin keys only
    mount.route(HttpMethod.PUT, PATH, Access.PLATFORM_BODY, routes::replace);
    mount.route(HttpMethod.PATCH, PATH, Access.PLATFORM_BODY, routes::patch);
  }
}
