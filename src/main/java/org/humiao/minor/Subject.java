package org.humiao.minor;

import java.time.LocalDate;

/** Who is asking: a person known by an attestation, or a guest known only by a device. */
sealed interface Subject {
  /** @param nppaPi the NPPA pi when attested by the NPPA real-name check, else null */
  record Person(String personId, LocalDate birthDate, String nppaPi) implements Subject {}

  record Guest(String device) implements Subject {}
}
