package org.humiao.minor.nppa;

/** An enum whose constants stand for the integer codes of one field of the NPPA interface. */
interface FieldCode {
  int code();

  /**
   * The constant of {@code type} for {@code code}.
   *
   * @param field the field's name in the interface, for the message
   * @throws IllegalArgumentException for a code the field does not have
   */
  static <E extends Enum<E> & FieldCode> E of(Class<E> type, int code, String field) {
    for (E constant : type.getEnumConstants()) {
      if (constant.code() == code) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + field + " " + code);
  }
}
