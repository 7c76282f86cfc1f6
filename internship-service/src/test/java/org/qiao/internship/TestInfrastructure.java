package org.qiao.internship;

import io.quarkus.test.common.QuarkusTestResource;
import org.qiao.kit.testing.QiaoTestInfrastructure;

/** Real PostgreSQL and Kafka for every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(QiaoTestInfrastructure.class)
public class TestInfrastructure {}
