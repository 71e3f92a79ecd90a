package org.humiao.minor.nppa;

/** What the user did, as the NPPA field {@code bt} encodes it. */
public enum BehaviourType implements FieldCode {
  /** 下线. */
  LOGOUT(0),
  /** 上线. */
  LOGIN(1);

  private final int code;

  BehaviourType(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  public static BehaviourType ofCode(int code) {
    return FieldCode.of(BehaviourType.class, code, "bt");
  }
}
