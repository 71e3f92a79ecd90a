package org.humiao.minor;

import java.time.LocalDate;

/** Who is asking: a person known by an attestation, or a guest known only by a device. */
sealed interface Subject {
  record Person(String personId, LocalDate birthDate) implements Subject {}

  record Guest(String device) implements Subject {}
}
