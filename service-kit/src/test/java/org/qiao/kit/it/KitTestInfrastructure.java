package org.qiao.kit.it;

import io.quarkus.test.common.QuarkusTestResource;
import org.qiao.kit.testing.QiaoTestInfrastructure;

/** Applies the real PostgreSQL + Kafka harness to every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(QiaoTestInfrastructure.class)
public class KitTestInfrastructure {}
