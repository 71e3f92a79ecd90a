package org.humiao.keys;

/** A freshly made key: the secret to hand out once, and the record to store. */
public record IssuedKey(String secret, ApiKey stored) {}
