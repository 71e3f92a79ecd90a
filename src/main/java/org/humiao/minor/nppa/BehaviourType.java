package org.humiao.minor.nppa;

/** What the user did, as the NPPA field {@code bt} encodes it. */
public enum BehaviourType {
  /** 下线. */
  LOGOUT(0),
  /** 上线. */
  LOGIN(1);

  private final int code;

  BehaviourType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static BehaviourType ofCode(int code) {
    for (BehaviourType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown bt " + code);
  }
}
