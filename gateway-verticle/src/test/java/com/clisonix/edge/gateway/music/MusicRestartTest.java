package com.clisonix.edge.gateway.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient;
import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

/**
 * What the music keeps across a restart of the box, on real PostgreSQL, Redis and MQTT: the
 * coach's settings, and the recordings of a class and a workout that were open when it stopped,
 * which go on from the bars recorded before (the minutes the box was down have no music).
 */
class MusicRestartTest extends ApiTestBase {
  private static final int TICKS_PER_BAR = 1920;

  @Test
  void settingsAndOpenRecordingsSurviveARestart() throws Exception {
    Account coach = account("coach");
    Account athlete = account("athlete");
    Res set = api.put("/fitness/music", coach.token(), new JsonObject().put("mode", "manual").put("bpm", 124)
        .put("style", "rock").put("max_bpm", 150));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);

    Res started = api.post("/fitness/classes", coach.token(), new JsonObject().put("name", "Spin"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String classId = started.json().getString("class_id");
    String workoutId = startWorkout(athlete.id());
    String classPath = "/fitness/classes/" + classId + "/music.mid";
    String workoutPath = "/fitness/workouts/" + workoutId + "/music.mid";
    // a few bars (about 2 s each) into both recordings
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
        bars(api.get(workoutPath, athlete.token())) >= 3);
    Sequence classBefore = sequence(api.get(classPath, coach.token()));
    Sequence workoutBefore = sequence(api.get(workoutPath, athlete.token()));

    stopGateway(gw);
    Gateway second = startGateway(configure(baseTree()));
    ApiClient api2 = second.api();

    JsonObject music = api2.get("/fitness/music", coach.token()).json();
    assertThat(music.getString("mode")).isEqualTo("manual");
    assertThat(music.getString("style")).isEqualTo("rock");
    assertThat(music.getDouble("max_bpm")).isEqualTo(150.0);

    // the recordings go on from where they were
    Sequence classResumed = sequence(api2.get(classPath, coach.token()));
    assertThat(bars(classResumed)).isGreaterThanOrEqualTo(bars(classBefore));
    long afterRestart = bars(classResumed);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
        bars(api2.get(classPath, coach.token())) >= afterRestart + 2);
    assertThat(api2.put("/fitness/workouts/" + workoutId + "/end", athlete.token(), new JsonObject()).status())
        .isEqualTo(200);
    assertThat(api2.put("/fitness/classes/" + classId + "/end", coach.token(), null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(count("SELECT count(*) FROM music_recordings WHERE owner_id IN ($1, $2)", UUID.fromString(classId),
            UUID.fromString(workoutId))).isEqualTo(2));

    Sequence classFinal = sequence(api2.get(classPath, coach.token()));
    Sequence workoutFinal = sequence(api2.get(workoutPath, athlete.token()));
    assertThat(bars(classFinal)).isGreaterThanOrEqualTo(bars(classBefore) + 2);
    assertThat(bars(workoutFinal)).isGreaterThanOrEqualTo(bars(workoutBefore) + 2);
    assertStartsWith(classFinal, classBefore);
    assertStartsWith(workoutFinal, workoutBefore);
    // the saved tempo plays: every bar after the restart at the coach's 124 bpm (or walking to it)
    assertThat(MusicRoutesTest.barTempi(classFinal)).allSatisfy(b -> assertThat(b).isBetween(90.0, 150.0));

    // the journal keeps no bars once no recording needs them, only the newest for the numbering
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(count("SELECT count(*) FROM music_open_recordings WHERE owner_id IN ($1, $2)",
          UUID.fromString(classId), UUID.fromString(workoutId))).isZero();
    });
  }

  private static Sequence sequence(Res res) throws Exception {
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    return MidiSystem.getSequence(new ByteArrayInputStream(res.body().getBytes()));
  }

  private static long bars(Res res) throws Exception {
    return res.status() == 200 ? bars(sequence(res)) : 0;
  }

  private static long bars(Sequence s) {
    assertThat(s.getTickLength() % TICKS_PER_BAR).isZero();
    return s.getTickLength() / TICKS_PER_BAR;
  }

  /** Every event of {@code before} (but its End of Track) is in {@code after} at the same tick, in order. */
  private static void assertStartsWith(Sequence after, Sequence before) {
    assertThat(after.getTracks()).hasSameSizeAs(before.getTracks());
    long end = before.getTickLength();
    for (int t = 0; t < before.getTracks().length; t++) {
      assertThat(events(after.getTracks()[t], end)).as("track %d", t).isEqualTo(events(before.getTracks()[t], end));
    }
  }

  private static List<String> events(Track track, long endTick) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      MidiEvent e = track.get(i);
      boolean endOfTrack = e.getMessage() instanceof MetaMessage m && m.getType() == 0x2F;
      if (e.getTick() < endTick && !endOfTrack) {
        out.add(e.getTick() + ":" + Arrays.toString(e.getMessage().getMessage()));
      }
    }
    return out;
  }
}
