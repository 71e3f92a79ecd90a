package org.humiao.minor.nppa;

/** Who did it, as the NPPA field {@code ct} encodes it. There is no 1: the interface skips it. */
public enum UserType implements FieldCode {
  /** 已认证通过用户: identified by the {@code pi} the real-name check returned. */
  AUTHENTICATED(0),
  /** 游客用户: identified only by a device id the platform generates. */
  GUEST(2);

  private final int code;

  UserType(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  public static UserType ofCode(int code) {
    return FieldCode.of(UserType.class, code, "ct");
  }
}
