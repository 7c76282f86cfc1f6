package org.qiao.load;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GET /api/v1/demands/{id} on talent-demand-service, over demands created before the run. */
public class DemandGetSimulation extends Simulation {

  static final String NAME = "GET /api/v1/demands/{id}";

  /** Enough distinct rows that the reads are not one hot row. */
  private static final int DEMANDS = 200;

  {
    ClosedLoad load = ClosedLoad.fromSystemProperties();
    Platform platform = new Platform();
    platform.registerEnterprise();
    List<Map<String, Object>> ids = new ArrayList<>();
    for (int i = 0; i < DEMANDS; i++) {
      ids.add(Map.of("id", platform.createDemand("负载测试读取 " + i)));
    }
    FeederBuilder<Object> demands = listFeeder(ids).circular();
    setUp(
            load.population(
                NAME,
                name ->
                    feed(demands)
                        .exec(http(name).get("/api/v1/demands/#{id}").check(status().is(200)))))
        .protocols(ClosedLoad.protocol(Platform.TALENT_DEMAND, platform.enterpriseToken()))
        .maxDuration(load.maxDuration());
  }
}
