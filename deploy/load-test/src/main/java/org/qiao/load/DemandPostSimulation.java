package org.qiao.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** POST /api/v1/demands on talent-demand-service: create, publish, outbox, one transaction. */
public class DemandPostSimulation extends Simulation {

  static final String NAME = "POST /api/v1/demands";

  private final AtomicLong sequence = new AtomicLong();

  {
    ClosedLoad load = ClosedLoad.fromSystemProperties();
    Platform platform = new Platform();
    platform.registerEnterprise();
    setUp(
            load.population(
                NAME,
                name ->
                    exec(
                        http(name)
                            .post("/api/v1/demands")
                            // A fresh key: every request is a new demand, never an idempotent
                            // replay.
                            .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                            .header("Content-Type", "application/json")
                            .body(
                                StringBody(
                                    session ->
                                        Platform.demandBody(
                                            "负载测试岗位 " + sequence.incrementAndGet())))
                            .check(status().is(201)))))
        .protocols(ClosedLoad.protocol(Platform.TALENT_DEMAND, platform.enterpriseToken()))
        .maxDuration(load.maxDuration());
  }
}
