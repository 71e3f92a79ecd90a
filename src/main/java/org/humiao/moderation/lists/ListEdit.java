package org.humiao.moderation.lists;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.screening.Category;
import org.humiao.screening.Term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validated change to one list: replace it (PUT), add and remove entries (PATCH) or empty it
 * (DELETE). Every entry is checked before anything is applied, and all the bad ones are reported
 * together, each by its array and index: a change is applied whole or not at all.
 */
public final class ListEdit {
  /** Raised by the engine's tone model and its failures, never by a listed term. */
  private static final Set<Category> NOT_LISTABLE = Set.of(Category.TOXICITY, Category.UNSCREENED);
  private static final Set<String> BLOCK_FIELDS = Set.of("term", "category", "severity", "variants");

  private enum Mode { REPLACE, PATCH, CLEAR }

  private final ListKind kind;
  private final Mode mode;
  /** Term or phrase to its entry (a {@link BlockEntry} or the phrase itself), in request order. */
  private final Map<String, Object> add;
  /** Term or phrase to its index in the request's remove array. */
  private final Map<String, Integer> remove;
  private final ListLimits limits;

  private ListEdit(ListKind kind, Mode mode, Map<String, Object> add, Map<String, Integer> remove, ListLimits limits) {
    this.kind = kind;
    this.mode = mode;
    this.add = add;
    this.remove = remove;
    this.limits = limits;
  }

  /** PUT: the list becomes exactly {@code entries}. */
  public static ListEdit replace(ListKind kind, JsonArray entries, ListLimits limits) {
    List<EntryProblem> problems = new ArrayList<>();
    Map<String, Object> parsed = entries(kind, "entries", entries, limits, problems);
    if (entries.size() > limits.maxEntries()) {
      problems.add(new EntryProblem("entries", limits.maxEntries(), "over the limit of " + limits.maxEntries()
          + " entries per list"));
    }
    return checked(new ListEdit(kind, Mode.REPLACE, parsed, Map.of(), limits), problems);
  }

  /**
   * PATCH: {@code add} entries (one whose term or phrase is listed already replaces it) and
   * {@code remove} terms or phrases, which must be listed; an entry may not be in both.
   */
  public static ListEdit patch(ListKind kind, JsonArray add, JsonArray remove, ListLimits limits) {
    List<EntryProblem> problems = new ArrayList<>();
    Map<String, Object> parsed = entries(kind, "add", add, limits, problems);
    Map<String, Integer> removed = new LinkedHashMap<>();
    for (int i = 0; i < remove.size(); i++) {
      String text = text(remove.getValue(i), limits, problems, "remove", i);
      if (text != null && removed.putIfAbsent(text, i) != null) {
        problems.add(new EntryProblem("remove", i, "'" + text + "' is named twice"));
      } else if (text != null && parsed.containsKey(text)) {
        problems.add(new EntryProblem("remove", i, "'" + text + "' is added and removed at once"));
      }
    }
    return checked(new ListEdit(kind, Mode.PATCH, parsed, removed, limits), problems);
  }

  /** DELETE: the list becomes empty. */
  public static ListEdit clear(ListKind kind) {
    return new ListEdit(kind, Mode.CLEAR, Map.of(), Map.of(), null);
  }

  public ListKind kind() {
    return kind;
  }

  private static ListEdit checked(ListEdit edit, List<EntryProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidEntriesException(problems);
    }
    return edit;
  }

  /**
   * The lists after this change, one version on.
   *
   * @throws InvalidEntriesException when a removed entry is not listed, or the list would grow past its limit
   */
  PlatformEntries applyTo(PlatformEntries current) {
    Map<String, Object> list = new LinkedHashMap<>();
    if (mode == Mode.PATCH) {
      if (kind == ListKind.BLOCK) {
        current.block().forEach(e -> list.put(e.term(), e));
      } else {
        current.allow().forEach(p -> list.put(p, p));
      }
      List<EntryProblem> problems = new ArrayList<>();
      remove.forEach((text, i) -> {
        if (list.remove(text) == null) {
          problems.add(new EntryProblem("remove", i, "'" + text + "' is not in the " + kind.id() + " list"));
        }
      });
      int i = 0;
      for (Map.Entry<String, Object> entry : add.entrySet()) {
        // the first entry past the limit is named; one replacing a listed entry adds nothing
        if (list.put(entry.getKey(), entry.getValue()) == null && list.size() == limits.maxEntries() + 1) {
          problems.add(new EntryProblem("add", i, "the list would hold more than " + limits.maxEntries()
              + " entries, its limit"));
        }
        i++;
      }
      checked(this, problems);
    } else {
      list.putAll(add);
    }
    List<BlockEntry> block = new ArrayList<>();
    List<String> allow = new ArrayList<>();
    list.values().forEach(v -> {
      if (v instanceof BlockEntry e) {
        block.add(e);
      } else {
        allow.add((String) v);
      }
    });
    return current.next(kind, block, allow);
  }

  private static Map<String, Object> entries(ListKind kind, String field, JsonArray array, ListLimits limits,
      List<EntryProblem> problems) {
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      Object entry = kind == ListKind.BLOCK ? block(array.getValue(i), limits, problems, field, i)
          : allow(array.getValue(i), limits, problems, field, i);
      if (entry == null) {
        continue;
      }
      String key = entry instanceof BlockEntry e ? e.term() : (String) entry;
      if (parsed.putIfAbsent(key, entry) != null) {
        problems.add(new EntryProblem(field, i, "'" + key + "' is listed twice in this request"));
      }
    }
    return parsed;
  }

  private static BlockEntry block(Object value, ListLimits limits, List<EntryProblem> problems, String field, int i) {
    if (!(value instanceof JsonObject json)) {
      problems.add(new EntryProblem(field, i, "a block entry is an object {term, category, severity, variants}"));
      return null;
    }
    int before = problems.size();
    for (String name : json.fieldNames()) {
      if (!BLOCK_FIELDS.contains(name)) {
        problems.add(new EntryProblem(field, i, "unknown field '" + name + "'"));
      }
    }
    String term = text(json.getValue("term"), limits, problems, field, i);
    Category category = category(json.getValue("category"), problems, field, i);
    Object severity = json.getValue("severity");
    if (!(severity instanceof Integer || severity instanceof Long)
        || ((Number) severity).longValue() < Term.MIN_SEVERITY || ((Number) severity).longValue() > Term.MAX_SEVERITY) {
      problems.add(new EntryProblem(field, i, "severity must be a whole number from " + Term.MIN_SEVERITY + " to "
          + Term.MAX_SEVERITY + ", not " + severity));
    }
    Object variants = json.getValue("variants", false);
    if (!(variants instanceof Boolean)) {
      problems.add(new EntryProblem(field, i, "variants must be true or false"));
    }
    return problems.size() > before ? null
        : new BlockEntry(term, category, ((Number) severity).intValue(), (Boolean) variants);
  }

  private static Category category(Object value, List<EntryProblem> problems, String field, int i) {
    try {
      Category category = Category.byId(String.valueOf(value));
      if (!NOT_LISTABLE.contains(category)) {
        return category;
      }
    } catch (IllegalArgumentException unknown) {
      // reported below, as one that may not be listed
    }
    problems.add(new EntryProblem(field, i, "unknown category " + (value == null ? "(missing)" : "'" + value + "'")
        + "; a listed term is one of the lexicon's categories other than toxicity and unscreened"));
    return null;
  }

  private static String allow(Object value, ListLimits limits, List<EntryProblem> problems, String field, int i) {
    String phrase = text(value, limits, problems, field, i);
    // the engine ignores a phrase of one character: it would allow that character everywhere
    if (phrase != null && phrase.codePointCount(0, phrase.length()) < 2) {
      problems.add(new EntryProblem(field, i, "an allow phrase has at least 2 characters"));
      return null;
    }
    return phrase;
  }

  /** A term or phrase: a non-blank string within the length limit, with no control characters. */
  private static String text(Object value, ListLimits limits, List<EntryProblem> problems, String field, int i) {
    if (!(value instanceof String s) || s.isBlank()) {
      problems.add(new EntryProblem(field, i, "must be a non-empty string"));
      return null;
    }
    String text = s.strip();
    if (text.length() > limits.maxLength()) {
      problems.add(new EntryProblem(field, i, "longer than " + limits.maxLength() + " characters"));
      return null;
    }
    for (int c = 0; c < text.length(); c++) {
      char ch = text.charAt(c);
      if (Character.isISOControl(ch) || (Character.isSurrogate(ch) && !validPair(text, c))) {
        problems.add(new EntryProblem(field, i, "contains a control character or an unpaired surrogate"));
        return null;
      }
      if (Character.isHighSurrogate(ch)) {
        c++;
      }
    }
    return text;
  }

  private static boolean validPair(String text, int at) {
    return Character.isHighSurrogate(text.charAt(at)) && at + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(at + 1));
  }
}
