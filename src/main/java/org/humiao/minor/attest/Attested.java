package org.humiao.minor.attest;

import java.time.LocalDate;

/**
 * An accepted attestation reduced to what minor mode keeps: a pseudonymous person id and a birth
 * date.
 *
 * @param kind how it was attested: nppa, signed, resident-id
 */
public record Attested(String personId, LocalDate birthDate, String kind) {}
