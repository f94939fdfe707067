package com.clisonix.edge.gateway.classes;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A class starts (one at a time), lists its attendees while it runs, and ends once with its summary. */
class ClassRoutesTest extends ApiTestBase {

  @Test
  void classLifecycle() {
    Account coach = account("coach");
    Account anna = account("athlete");
    Account bert = account("athlete");
    Res start = api.post("/fitness/classes", coach.token(), new JsonObject().put("name", "Spin 7am"));
    assertThat(start.status()).as(start.toString()).isEqualTo(201);
    String classId = start.json().getString("class_id");
    JsonObject cls = start.json().getJsonObject("class");
    assertThat(cls.getString("id")).isEqualTo(classId);
    assertThat(cls.getString("name")).isEqualTo("Spin 7am");
    assertThat(cls.getValue("ended_at")).isNull();

    Map<String, Long> before = rowCounts();
    Res second = api.post("/fitness/classes", adminToken, new JsonObject().put("name", "Yoga"));
    assertThat(second.status()).as(second.toString()).isEqualTo(409);
    assertThat(second.error().getString("code")).isEqualTo("conflict");
    assertThat(rowCounts()).isEqualTo(before);

    // two athletes train during the class: their workouts belong to it
    String wa = startWorkout(anna.id());
    startWorkout(bert.id());
    assertThat(api.post("/fitness/workouts/" + wa + "/exercises", anna.token(), new JsonObject().put("name", "squat")
        .put("reps", 12)).status()).isEqualTo(201);
    for (int hr : new int[] {120, 140}) {
      assertThat(api.post("/fitness/users/" + anna.id() + "/biometrics", anna.token(), new JsonObject()
          .put("biometric_type", "heart_rate").put("value", hr)).status()).isEqualTo(201);
    }
    assertThat(api.get("/fitness/workouts/" + wa, anna.token()).json().getString("class_id")).isEqualTo(classId);

    Res get = api.get("/fitness/classes/" + classId, coach.token());
    assertThat(get.status()).isEqualTo(200);
    JsonArray attendees = get.json().getJsonArray("attendees");
    assertThat(attendees.stream().map(o -> ((JsonObject) o).getString("user_id"))).containsExactlyInAnyOrder(anna.id(),
        bert.id());
    JsonObject annaRow = attendees.stream().map(o -> (JsonObject) o).filter(o -> o.getString("user_id").equals(anna.id()))
        .findFirst().orElseThrow();
    assertThat(annaRow.getDouble("average_heart_rate")).isEqualTo(130.0);
    assertThat(annaRow.getDouble("max_heart_rate")).isEqualTo(140.0);
    assertThat(annaRow.getLong("reps")).isEqualTo(12L);

    Res end = api.put("/fitness/classes/" + classId + "/end", coach.token(), null);
    assertThat(end.status()).as(end.toString()).isEqualTo(200);
    JsonObject summary = end.json().getJsonObject("summary");
    assertThat(summary.getInteger("attendees")).isEqualTo(2);
    assertThat(summary.getJsonArray("athletes")).hasSize(2);
    assertThat(summary.getString("generated_at")).isNotNull();
    assertThat(end.json().getJsonObject("class").getString("ended_at")).isNotNull();

    Res again = api.put("/fitness/classes/" + classId + "/end", coach.token(), null);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.error().getString("code")).isEqualTo("conflict");

    // the ended class keeps its summary, and another class may start
    JsonObject kept = api.get("/fitness/classes/" + classId, coach.token()).json();
    assertThat(kept.getJsonObject("summary").getInteger("attendees")).isEqualTo(2);
    assertThat(api.post("/fitness/classes", coach.token(), new JsonObject().put("name", "Yoga")).status()).isEqualTo(201);
  }
}
