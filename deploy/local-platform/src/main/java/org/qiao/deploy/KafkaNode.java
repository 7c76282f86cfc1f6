package org.qiao.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka (KRaft: broker and controller in one) whose data survives restarts. The
 * launcher runs it as a JVM of its own ({@link #main}), so that a broker that dies (or is killed)
 * is restarted like a service while the launcher and everything else keep running.
 */
final class KafkaNode implements AutoCloseable {

  private final KafkaRaftServer server;
  private final int port;

  private KafkaNode(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** {@code KafkaNode DIR PORT CONTROLLER_PORT}: runs the broker until this JVM is stopped. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: KafkaNode DIR PORT CONTROLLER_PORT");
      System.exit(2);
    }
    KafkaNode node = start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    // SIGTERM (the launcher stopping) shuts the broker down cleanly: its next start skips recovery.
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kafka-shutdown"));
    System.out.println("Kafka is serving on " + node.bootstrapServers());
    node.server.awaitShutdown();
  }

  static KafkaNode start(Path dir, int port, int controllerPort) throws IOException {
    Files.createDirectories(dir);
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    String listeners =
        "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
    p.put("listeners", listeners);
    p.put("advertised.listeners", listeners);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", dir.resolve("logs").toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "3");
    Path props = dir.resolve("server.properties");
    try (var out = Files.newBufferedWriter(props)) {
      p.store(out, "Qiao local Kafka broker");
    }
    if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      int rc =
          StorageTool.execute(
              new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", props.toString(), "--standalone"
              },
              new PrintStream(log, true, StandardCharsets.UTF_8));
      if (rc != 0) {
        throw new IllegalStateException("Kafka storage format failed: " + log);
      }
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p), Time.SYSTEM);
    server.startup();
    return new KafkaNode(server, port);
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
