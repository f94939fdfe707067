package com.clisonix.edge.gateway.biometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import com.clisonix.edge.sensor.ingest.Reading;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reading posted over HTTP reaches the athlete actors as an MQTT one does (CONTRACT section 4):
 * once, after its row is committed, on the ingest pipeline's address, and it shows in the live
 * metrics and on {@code floor.metrics}.
 */
class BiometricRoutesLiveTest extends ApiTestBase {
  /** A reading handed to the actors and the number of the athlete's stored rows at that moment. */
  record Handed(Reading reading, long rowsWhenHanded) {}

  final List<Handed> handed = new CopyOnWriteArrayList<>();
  final List<JsonObject> metrics = new CopyOnWriteArrayList<>();
  final List<MessageConsumer<?>> consumers = new ArrayList<>();

  @BeforeAll
  void listen() {
    consumers.add(gw.vertx().eventBus().<Reading>consumer(MqttIngestVerticle.READINGS_ADDRESS, m -> {
      Reading r = m.body();
      db.preparedQuery("SELECT count(*) FROM biometric_data WHERE user_id = $1").execute(Tuple.of(r.userId()))
          .onSuccess(rows -> handed.add(new Handed(r, rows.iterator().next().getLong(0))));
    }));
    consumers.add(gw.vertx().eventBus().<JsonObject>consumer("floor.metrics", m -> metrics.add(m.body())));
    await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/health/ready", null).status() == 200);
  }

  @AfterAll
  void close() {
    consumers.forEach(MessageConsumer::unregister);
  }

  List<Handed> handedFor(String user) {
    return handed.stream().filter(h -> h.reading().userId().toString().equals(user)).toList();
  }

  @Test
  void postedHeartRateReachesTheAthletesLiveMetricsOnce() throws Exception {
    String user = profile(new JsonObject().put("age", 30).put("gender", "F").put("weight_kg", 60)
        .put("resting_heart_rate", 60));
    String workout = startWorkout(user);
    Instant at = Instant.now().minusSeconds(2);
    Res posted = api.post("/fitness/users/" + user + "/biometrics", adminToken, new JsonObject()
        .put("biometric_type", "heart_rate").put("value", 123).put("unit", "bpm")
        .put("measured_at", at.toString()).put("device_type", "chest_strap"));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

    // the actor's own emission: the store-based view of the live route would show the reading too
    await().atMost(Duration.ofSeconds(10)).until(() -> metrics.stream().filter(m -> user.equals(m.getString("user_id")))
        .anyMatch(m -> Integer.valueOf(123).equals(m.getInteger("heart_rate"))));
    JsonObject live = api.get("/fitness/users/" + user + "/live", adminToken).json();
    assertThat(live.getInteger("heart_rate")).isEqualTo(123);
    assertThat(live.getString("workout_id")).isEqualTo(workout);
    assertThat(live.getString("ts")).isEqualTo(Instant.ofEpochMilli(at.toEpochMilli()).toString());
    assertThat(live.getDouble("effort_points")).as("the actor's answer, not the store's").isNotNull();
    assertThat(live.getDouble("hr_max")).as("Tanaka for age 30").isEqualTo(187.0);

    // once, and only after the row was committed
    Thread.sleep(500);
    List<Handed> mine = handedFor(user);
    assertThat(mine).hasSize(1);
    Reading r = mine.get(0).reading();
    assertThat(mine.get(0).rowsWhenHanded()).as("stored before it was handed on").isEqualTo(1);
    assertThat(r.value()).isEqualTo(123.0);
    assertThat(r.unit()).isEqualTo("bpm");
    assertThat(r.measuredAt()).isEqualTo(at.toEpochMilli());
    assertThat(r.deviceType()).isEqualTo("chest_strap");
    assertThat(r.source()).isEqualTo(BiometricRoutes.SOURCE);
  }

  @Test
  void aRefusedOrUnknownReadingReachesNoActor() throws Exception {
    String user = profile(new JsonObject());
    assertThat(api.post("/fitness/users/" + user + "/biometrics", adminToken, new JsonObject()
        .put("biometric_type", "heart_rate").put("value", 400)).status()).isEqualTo(400);
    String nobody = UUID.randomUUID().toString();
    assertThat(api.post("/fitness/users/" + nobody + "/biometrics", adminToken, new JsonObject()
        .put("biometric_type", "heart_rate").put("value", 90)).status()).isEqualTo(404);
    Thread.sleep(500);
    assertThat(handedFor(user)).isEmpty();
    assertThat(handedFor(nobody)).isEmpty();
  }
}
