package org.qiao.matching.domain;

/** A skill a course plan teaches, at the highest level any of its courses teaches it. */
public record PlanSkill(String key, String name, int level) {}
