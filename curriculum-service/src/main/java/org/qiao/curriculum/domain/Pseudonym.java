package org.qiao.curriculum.domain;

/** A student's pseudonymous id and the key it was derived with. */
public record Pseudonym(String id, String keyId) {}
