package org.humiao.minor.nppa;

/** Who did it, as the NPPA field {@code ct} encodes it. There is no 1: the interface skips it. */
public enum UserType {
  /** 已认证通过用户: identified by the {@code pi} the real-name check returned. */
  AUTHENTICATED(0),
  /** 游客用户: identified only by a device id the platform generates. */
  GUEST(2);

  private final int code;

  UserType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static UserType ofCode(int code) {
    for (UserType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown ct " + code);
  }
}
