package org.humiao.minor.attest;

import java.time.LocalDate;

/**
 * An accepted attestation reduced to what minor mode keeps: a pseudonymous person id and a birth
 * date.
 *
 * @param kind how it was attested: nppa, signed, resident-id
 * @param nppaPi the NPPA {@code pi} for kind nppa (needed to report play to the NPPA), else null
 */
public record Attested(String personId, LocalDate birthDate, String kind, String nppaPi) {}
