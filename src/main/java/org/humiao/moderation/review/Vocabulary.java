package org.humiao.moderation.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The API ids of this package's enums: the constant's name in lower case, and back. */
public final class Vocabulary {
  private Vocabulary() {}

  public static String id(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose id is {@code id}; empty for null or an unknown id. */
  public static <E extends Enum<E>> Optional<E> byId(Class<E> type, String id) {
    return id == null ? Optional.empty()
        : Arrays.stream(type.getEnumConstants()).filter(e -> id(e).equals(id)).findFirst();
  }

  /** The ids of every constant, for error messages. */
  public static String ids(Class<? extends Enum<?>> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Vocabulary::id).toList());
  }
}
