package com.clisonix.edge.gateway.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.music.MusicVerticle;
import com.clisonix.edge.testing.Credentials;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The music on an in-process gateway with real PostgreSQL, Redis and Mosquitto: the Tempo and its
 * validation, a workout whose music follows the athletes' metrics into a MIDI file and the
 * workout's {@code adaptive_music_bpm}, the retained tempo for upstream subscribers, and a class's
 * file. Metrics are published on {@code floor.metrics} as analysis publishes them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MusicRoutesTest extends ApiTestBase {
  private static final int TICKS_PER_BAR = 1920;

  @Test
  @Order(1)
  void theTempoStartsWithTheContractsDefaults() {
    Account coach = account("coach");
    Res res = api.get("/fitness/music", coach.token());
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    JsonObject t = res.json();
    assertThat(t.fieldNames()).containsExactlyInAnyOrder("bpm", "mode", "style", "min_bpm", "max_bpm", "ts");
    assertThat(t.getString("mode")).isEqualTo("intensity");
    assertThat(t.getString("style")).isEqualTo("house");
    assertThat(t.getDouble("min_bpm")).isEqualTo(90.0);
    assertThat(t.getDouble("max_bpm")).isEqualTo(160.0);
    // no athlete on the floor yet: the planner holds the curve's floor
    assertThat(t.getDouble("bpm")).isEqualTo(115.0);
    assertThat(Instant.ofEpochMilli(t.getLong("ts"))).isBetween(Instant.now().minusSeconds(10), Instant.now().plusSeconds(3));

    Res floor = api.get("/fitness/floor", coach.token());
    assertThat(floor.status()).isEqualTo(200);
    assertThat(floor.json().getJsonObject("music").getString("mode")).isEqualTo("intensity");
  }

  @Test
  @Order(2)
  void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
    Account coach = account("coach");
    Object[][] cases = {
        {new JsonObject().put("min_bpm", 20), "min_bpm"},
        {new JsonObject().put("max_bpm", 300), "max_bpm"},
        {new JsonObject().put("min_bpm", 150).put("max_bpm", 120), "min_bpm"},
        {new JsonObject().put("mode", "disco"), "mode"},
        {new JsonObject().put("style", "polka"), "style"},
        {new JsonObject().put("mode", "manual"), "bpm"},
        {new JsonObject().put("mode", "manual").put("bpm", 200), "bpm"},
        {new JsonObject().put("min_bpm", "fast"), "min_bpm"},
        {new JsonObject().put("mode", 3), "mode"},
        {new JsonObject().put("bpm", Double.valueOf(39.5)), "bpm"},
    };
    for (Object[] c : cases) {
      Res res = api.put("/fitness/music", coach.token(), c[0]);
      assertThat(res.status()).as("%s: %s", c[0], res).isEqualTo(400);
      assertThat(res.json().getBoolean("success")).isFalse();
      assertThat(res.error().getString("code")).isEqualTo("validation_failed");
      assertThat(res.error().getString("field")).as(c[0].toString()).isEqualTo(c[1]);
      assertThat(res.error().getString("message")).contains((String) c[1]);
    }
    assertThat(api.put("/fitness/music", "not-a-token", new JsonObject()).status()).isEqualTo(401);
    Account athlete = account("athlete");
    assertThat(api.put("/fitness/music", athlete.token(), new JsonObject().put("style", "rock")).status()).isEqualTo(403);
    JsonObject t = api.get("/fitness/music", coach.token()).json();
    assertThat(t.getString("mode")).isEqualTo("intensity");
    assertThat(t.getString("style")).isEqualTo("house");
    assertThat(t.getDouble("min_bpm")).isEqualTo(90.0);
    assertThat(t.getDouble("max_bpm")).isEqualTo(160.0);
  }

  @org.junit.jupiter.api.Tag("system") // relies on the gym's Mosquitto (limits, retained delivery); fails on Moquette
  @Test
  @Order(3)
  void aCoachSetsAManualTempoThatTheMusicReachesAndUpstreamSubscribersGetRetained() throws Exception {
    Account coach = account("coach");
    Res res = api.put("/fitness/music", coach.token(), new JsonObject().put("mode", "manual").put("bpm", 128)
        .put("style", "rock"));
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    assertThat(res.json().getString("mode")).isEqualTo("manual");
    assertThat(res.json().getString("style")).isEqualTo("rock");
    // a partial update keeps the rest
    Res bounds = api.put("/fitness/music", coach.token(), new JsonObject().put("max_bpm", 150));
    assertThat(bounds.status()).isEqualTo(200);
    assertThat(bounds.json().getString("mode")).isEqualTo("manual");
    assertThat(bounds.json().getDouble("bpm")).as("the bar playing").isLessThan(128.0);
    assertThat(bounds.json().getDouble("max_bpm")).isEqualTo(150.0);
    // 115 -> 128 at most 3 % per bar: four bars
    List<Double> seen = new CopyOnWriteArrayList<>();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      double bpm = api.get("/fitness/music", coach.token()).json().getDouble("bpm");
      seen.add(bpm);
      assertThat(bpm).isEqualTo(128.0);
    });
    assertThat(seen.stream().distinct().toList()).as("walked, never jumped").allSatisfy(b -> assertThat(b).isBetween(115.0, 128.0));
    assertThat(api.get("/fitness/floor", coach.token()).json().getJsonObject("music").getString("style")).isEqualTo("rock");

    // a subscriber with the upstream account, connecting now, gets the latest tempo retained
    Credentials up = mqtt.upstream();
    AtomicReference<JsonObject> retained = new AtomicReference<>();
    MqttClient client = MqttClient.create(gw.vertx(), new MqttClientOptions().setClientId("music-up-" + System.nanoTime())
        .setUsername(up.username()).setPassword(up.password()));
    client.publishHandler(m -> {
      if (m.isRetain()) {
        retained.set(new JsonObject(m.payload()));
      }
    });
    client.connect(mqtt.port(), mqtt.host()).await(10, TimeUnit.SECONDS);
    try {
      client.subscribe(mqtt.topicRoot() + "/music/tempo", 1).await(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
        assertThat(retained.get()).isNotNull();
        assertThat(retained.get().fieldNames()).containsExactlyInAnyOrder("bpm", "mode", "style", "min_bpm", "max_bpm", "ts");
        assertThat(retained.get().getString("mode")).isEqualTo("manual");
        assertThat(retained.get().getString("style")).isEqualTo("rock");
        assertThat(retained.get().getDouble("bpm")).isEqualTo(128.0);
        assertThat(retained.get().getDouble("max_bpm")).isEqualTo(150.0);
      });
    } finally {
      client.disconnect().await(5, TimeUnit.SECONDS);
    }

    // back to where the next test expects the floor: intensity at 115 with nobody on it
    assertThat(api.put("/fitness/music", coach.token(), new JsonObject().put("bpm", 115)).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(api.get("/fitness/music", coach.token()).json().getDouble("bpm")).isEqualTo(115.0));
    Res reset = api.put("/fitness/music", coach.token(), new JsonObject().put("mode", "intensity").put("style", "house")
        .put("max_bpm", 160));
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json().getString("mode")).isEqualTo("intensity");
  }

  @org.junit.jupiter.api.Tag("system") // relies on the gym's Mosquitto (limits, retained delivery); fails on Moquette
  @Test
  @Order(4)
  void aWorkoutRecordsTheMusicItsMetricsDroveAndKeepsItsMeanTempo() throws Exception {
    Account athlete = account("athlete", new JsonObject().put("age", 30));
    // every bar's tempo as the planner chose it, in order
    List<JsonObject> tempi = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> tempoWatch = gw.vertx().eventBus().consumer(MusicVerticle.TEMPO, m -> tempi.add(m.body()));
    tempoWatch.completion().await(5, TimeUnit.SECONDS);
    List<JsonObject> beats = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> beatWatch = gw.vertx().eventBus().consumer(MusicVerticle.BEAT, m -> beats.add(m.body()));
    beatWatch.completion().await(5, TimeUnit.SECONDS);

    String workoutId = startWorkout(athlete.id());
    // a hard ride (85 %HRR at 90 rpm) for about six bars, at analysis's rate of one message a second
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
    while (System.nanoTime() < until) {
      gw.vertx().eventBus().publish(MusicVerticle.FLOOR_METRICS, new JsonObject().put("user_id", athlete.id())
          .put("workout_id", workoutId).put("ts", System.currentTimeMillis()).put("heart_rate", 172)
          .put("pct_hrr", 85.0).put("cadence", 90.0).put("zone", 5));
      Thread.sleep(1000);
    }
    Res ended = api.put("/fitness/workouts/" + workoutId + "/end", athlete.token(), new JsonObject());
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    tempoWatch.unregister();
    beatWatch.unregister();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(count("SELECT count(*) FROM music_recordings WHERE owner_kind = 'workout' AND owner_id = $1",
            java.util.UUID.fromString(workoutId))).isEqualTo(1));
    Res file = api.get("/fitness/workouts/" + workoutId + "/music.mid", athlete.token());
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    assertThat(file.header("content-type")).isEqualTo("audio/midi");
    Sequence seq = MidiSystem.getSequence(new ByteArrayInputStream(file.body().getBytes()));
    assertThat(seq.getResolution()).isEqualTo(480);
    List<Double> fileBars = barTempi(seq);
    assertThat(fileBars).as("about six bars of music").hasSizeBetween(4, 9);

    // every bar of the file carries the tempo the planner chose for it: the file's bars are a run of
    // consecutive planned bars (the planner's bpm is published rounded to 0.1)
    List<Double> planned = tempi.stream().map(t -> t.getDouble("bpm")).toList();
    int offset = matchingOffset(fileBars, planned);
    assertThat(offset).as("file %s within planned %s", fileBars, planned).isGreaterThanOrEqualTo(0);
    // the athletes' metrics drove it: 85 %HRR asks for ~138 bpm, the warm-up ceiling climbs from 115
    // toward it bar by bar, where an empty floor would have held 115
    assertThat(fileBars.get(fileBars.size() - 1)).isGreaterThan(fileBars.get(0));
    assertThat(fileBars).allSatisfy(b -> assertThat(b).isBetween(115.0, 120.0));
    long changes = tempoEvents(seq).size();
    assertThat(changes).as("a tempo event per changed bar").isGreaterThanOrEqualTo(3);
    assertThat(notesOn(seq)).isNotEmpty().allSatisfy(tick -> assertThat(tick % 40).isZero());

    // adaptive_music_bpm is the file's time-weighted mean tempo (beats over time), as an integer column
    double seconds = fileBars.stream().mapToDouble(b -> 4 * 60.0 / b).sum();
    double mean = fileBars.size() * 4 * 60.0 / seconds;
    Res workout = api.get("/fitness/workouts/" + workoutId, athlete.token());
    assertThat(workout.json().getValue("adaptive_music_bpm")).isNotNull();
    assertThat(workout.json().getInteger("adaptive_music_bpm").doubleValue()).isCloseTo(mean, within(0.5001));
    assertThat(count("SELECT round(mean_bpm * 1000)::bigint FROM music_recordings WHERE owner_id = $1",
        java.util.UUID.fromString(workoutId)))
        .isCloseTo(Math.round(mean * 1000), within(2L));

    // music.beat: four per bar, consecutive, at the bar's tempo
    assertThat(beats).hasSizeGreaterThanOrEqualTo(16);
    for (int i = 1; i < beats.size(); i++) {
      assertThat(beats.get(i).getLong("beat")).isEqualTo(beats.get(i - 1).getLong("beat") + 1);
      assertThat(beats.get(i).getInteger("beat_in_bar")).isEqualTo((beats.get(i - 1).getInteger("beat_in_bar") + 1) % 4);
    }

    // the athlete's own file only
    Account other = account("athlete");
    assertThat(api.get("/fitness/workouts/" + workoutId + "/music.mid", other.token()).status()).isEqualTo(403);
    assertThat(api.get("/fitness/workouts/" + java.util.UUID.randomUUID() + "/music.mid", adminToken).status())
        .isEqualTo(404);
  }

  @Test
  @Order(5)
  void aClassIsRecordedFromItsStartToItsEnd() throws Exception {
    Account coach = account("coach");
    Res started = api.post("/fitness/classes", coach.token(), new JsonObject().put("name", "Spin"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String classId = started.json().getString("class_id");
    String path = "/fitness/classes/" + classId + "/music.mid";
    // while it runs: the music so far
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get(path, coach.token()).status()).isEqualTo(200));
    Sequence partial = MidiSystem.getSequence(new ByteArrayInputStream(api.get(path, coach.token()).body().getBytes()));
    assertThat(partial.getTickLength() % TICKS_PER_BAR).isZero();
    Thread.sleep(3000);
    assertThat(api.put("/fitness/classes/" + classId + "/end", coach.token(), null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(count("SELECT count(*) FROM music_recordings WHERE owner_kind = 'class' AND owner_id = $1",
            java.util.UUID.fromString(classId))).isEqualTo(1));
    Res file = api.get(path, coach.token());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("content-type")).isEqualTo("audio/midi");
    Sequence seq = MidiSystem.getSequence(new ByteArrayInputStream(file.body().getBytes()));
    assertThat(seq.getTickLength()).isGreaterThan(partial.getTickLength());
    assertThat(barTempi(seq)).allSatisfy(b -> assertThat(b).isBetween(90.0, 160.0));
    // drums on the General MIDI percussion channel
    assertThat(seq.getTracks()[1].size()).isGreaterThan(2);
    assertThat(channelsOf(seq.getTracks()[1])).containsOnly(9);

    Account athlete = account("athlete");
    assertThat(api.get(path, athlete.token()).status()).isEqualTo(403);
    assertThat(api.get("/fitness/classes/" + java.util.UUID.randomUUID() + "/music.mid", coach.token()).status())
        .isEqualTo(404);
  }

  /** Each bar's tempo from the file's tempo map. */
  static List<Double> barTempi(Sequence seq) {
    TreeMap<Long, Double> map = tempoEvents(seq);
    assertThat(map).containsKey(0L);
    long bars = seq.getTickLength() / TICKS_PER_BAR;
    assertThat(seq.getTickLength()).isEqualTo(bars * TICKS_PER_BAR);
    List<Double> out = new ArrayList<>();
    for (long b = 0; b < bars; b++) {
      out.add(map.floorEntry(b * TICKS_PER_BAR).getValue());
    }
    return out;
  }

  static TreeMap<Long, Double> tempoEvents(Sequence seq) {
    TreeMap<Long, Double> map = new TreeMap<>();
    Track tempo = seq.getTracks()[0];
    for (int i = 0; i < tempo.size(); i++) {
      MidiEvent e = tempo.get(i);
      if (e.getMessage() instanceof MetaMessage m && m.getType() == 0x51) {
        byte[] d = m.getData();
        long micros = ((d[0] & 0xFFL) << 16) | ((d[1] & 0xFFL) << 8) | (d[2] & 0xFFL);
        assertThat(e.getTick() % TICKS_PER_BAR).as("tempo changes on bar lines").isZero();
        map.put(e.getTick(), 60_000_000.0 / micros);
      }
    }
    return map;
  }

  static List<Long> notesOn(Sequence seq) {
    List<Long> ticks = new ArrayList<>();
    for (Track t : seq.getTracks()) {
      for (int i = 0; i < t.size(); i++) {
        if (t.get(i).getMessage() instanceof ShortMessage s && s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0) {
          ticks.add(t.get(i).getTick());
        }
      }
    }
    return ticks;
  }

  static List<Integer> channelsOf(Track t) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).getMessage() instanceof ShortMessage s) {
        out.add(s.getChannel());
      }
    }
    return out;
  }

  /** Where {@code fileBars} appears as a run inside {@code planned} (to the published 0.1 bpm), or -1. */
  static int matchingOffset(List<Double> fileBars, List<Double> planned) {
    for (int o = 0; o + fileBars.size() <= planned.size(); o++) {
      boolean all = true;
      for (int k = 0; k < fileBars.size() && all; k++) {
        all = Math.abs(fileBars.get(k) - planned.get(o + k)) <= 0.05 + 1e-3;
      }
      if (all) {
        return o;
      }
    }
    return -1;
  }
}
