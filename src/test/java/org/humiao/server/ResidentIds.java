package org.humiao.server;

import org.humiao.identity.ResidentIdNumber;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Valid resident ID numbers for tests of the HTTP routes (the check digit itself is ResidentIdNumberTest's). */
final class ResidentIds {
  private ResidentIds() {}

  /** An 18-digit number of someone born in Beijing's Chaoyang district on {@code birth}. */
  static String residentId(LocalDate birth) {
    String first17 = "110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "123";
    return first17 + ResidentIdNumber.checkCharFor(first17);
  }
}
