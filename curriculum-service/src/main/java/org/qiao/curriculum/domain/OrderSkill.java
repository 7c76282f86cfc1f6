package org.qiao.curriculum.domain;

/** A skill a training order asks for, as talent-demand-service published it. */
public record OrderSkill(String name, boolean essential, int level) {}
