package org.humiao.moderation.lists;

import io.vertx.core.json.JsonObject;
import org.humiao.screening.Category;
import org.humiao.screening.Term;

import java.util.Set;

/**
 * One term of a platform's block list.
 *
 * @param variants whether the engine also matches its generated spellings (homophones, pinyin, initials)
 */
public record BlockEntry(String term, Category category, int severity, boolean variants) {

  /** The engine's term: tagged phonetic, which is what makes it generate variant spellings. */
  Term toTerm() {
    return new Term(term, category, severity, variants ? Set.of(Term.Tag.PHONETIC) : Set.of());
  }

  JsonObject toJson() {
    return new JsonObject().put("term", term).put("category", category.id()).put("severity", severity)
        .put("variants", variants);
  }

  /** A stored entry, already validated when it was written. */
  static BlockEntry fromJson(JsonObject json) {
    return new BlockEntry(json.getString("term"), Category.byId(json.getString("category")),
        json.getInteger("severity"), json.getBoolean("variants"));
  }
}
