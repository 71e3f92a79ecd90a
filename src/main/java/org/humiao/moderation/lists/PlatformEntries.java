package org.humiao.moderation.lists;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.List;

/**
 * One version of a platform's two lists; the version counts changes to either list (0: never
 * changed). Entries are kept sorted (block by term, allow by phrase), so every backend and every
 * instance returns the same order.
 */
public record PlatformEntries(String platform, long version, List<BlockEntry> block, List<String> allow) {

  public PlatformEntries {
    block = block.stream().sorted(Comparator.comparing(BlockEntry::term)).toList();
    allow = allow.stream().sorted().toList();
  }

  /** A platform that never had lists. */
  public static PlatformEntries none(String platform) {
    return new PlatformEntries(platform, 0, List.of(), List.of());
  }

  public boolean isEmpty() {
    return block.isEmpty() && allow.isEmpty();
  }

  /** The next version, with one list replaced. */
  PlatformEntries next(ListKind kind, List<BlockEntry> newBlock, List<String> newAllow) {
    return kind == ListKind.BLOCK ? new PlatformEntries(platform, version + 1, newBlock, allow)
        : new PlatformEntries(platform, version + 1, block, newAllow);
  }

  /** One list as the API answers it: the platform, the list, its version and its entries. */
  public JsonObject toJson(ListKind kind) {
    JsonArray entries = new JsonArray();
    if (kind == ListKind.BLOCK) {
      block.forEach(e -> entries.add(e.toJson()));
    } else {
      allow.forEach(entries::add);
    }
    return new JsonObject().put("platform", platform).put("list", kind.id()).put("version", version)
        .put("entries", entries);
  }

  /** Both lists and the version, as the embedded store keeps them in a file. */
  JsonObject toStoredJson() {
    JsonArray blockJson = new JsonArray();
    block.forEach(e -> blockJson.add(e.toJson()));
    return new JsonObject().put("platform", platform).put("version", version).put("block", blockJson)
        .put("allow", new JsonArray(allow));
  }

  static PlatformEntries fromStoredJson(JsonObject json) {
    return new PlatformEntries(json.getString("platform"), json.getLong("version"),
        json.getJsonArray("block").stream().map(o -> BlockEntry.fromJson((JsonObject) o)).toList(),
        json.getJsonArray("allow").stream().map(String.class::cast).toList());
  }
}
