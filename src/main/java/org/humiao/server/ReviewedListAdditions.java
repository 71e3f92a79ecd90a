package org.humiao.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.moderation.lists.InvalidEntriesException;
import org.humiao.moderation.lists.ListEdit;
import org.humiao.moderation.lists.ListKind;
import org.humiao.moderation.lists.ListStoreUnavailableException;
import org.humiao.moderation.lists.PlatformLists;
import org.humiao.moderation.review.ListAddition;

/**
 * Hands a reviewer's list addition to the platform's lists, as one PATCH of one entry: a block
 * term under the resolution's category at the severity that blocks by default, or an allow phrase.
 * An entry the lists refuse (no category, a category no term may carry, too long), or lists that
 * cannot be reached, add nothing, and the resolution's answer says so ({@code listed: false}); the
 * resolution itself stands.
 */
record ReviewedListAdditions(PlatformLists lists) implements ListAddition.Lists {
  /** Blocks under the shipped strategies' block severity (3), as a confirmed block should. */
  static final int SEVERITY = 3;

  @Override
  public boolean add(String platform, ListAddition addition, String category) {
    JsonArray entry = new JsonArray().add(addition.list() == ListKind.BLOCK
        ? new JsonObject().put("term", addition.term()).put("category", category).put("severity", SEVERITY)
        : addition.term());
    try {
      lists.change(platform, ListEdit.patch(addition.list(), entry, new JsonArray(), lists.limits()));
      return true;
    } catch (InvalidEntriesException | ListStoreUnavailableException e) {
      return false;
    }
  }
}
