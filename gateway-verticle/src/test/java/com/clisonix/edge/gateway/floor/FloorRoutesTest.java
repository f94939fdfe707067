package com.clisonix.edge.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The floor and live views: active athletes with the heart-rate figures that follow from their
 * profiles, checked against the formulas themselves (Tanaka HRmax 208 - 0.7 age unless a measured
 * one is stored; zones from 50/60/70/80/90 % HRmax, grey/blue/green/yellow/red).
 */
class FloorRoutesTest extends ApiTestBase {
  static final List<String> COLOURS = List.of("#9E9E9E", "#1E88E5", "#43A047", "#FDD835", "#E53935");

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static Integer zone(double pct) {
    int z = 0;
    for (double bound : new double[] {50, 60, 70, 80, 90}) {
      if (pct >= bound) {
        z++;
      }
    }
    return z == 0 ? null : z;
  }

  void reading(Account a, double hr) {
    Res r = api.post("/fitness/users/" + a.id() + "/biometrics", a.token(), new JsonObject()
        .put("biometric_type", "heart_rate").put("value", hr));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  static JsonObject find(JsonArray athletes, String id) {
    return athletes.stream().map(o -> (JsonObject) o).filter(o -> id.equals(o.getString("user_id"))).findFirst()
        .orElse(null);
  }

  void assertMetrics(JsonObject m, double hr, double hrMax, Double resting) {
    double pct = 100 * hr / hrMax;
    assertThat(m.getDouble("heart_rate")).isEqualTo(hr);
    assertThat(m.getDouble("hr_max")).isEqualTo(round1(hrMax));
    assertThat(m.getDouble("pct_hr_max")).isEqualTo(round1(pct));
    assertThat(m.getInteger("zone")).isEqualTo(zone(pct));
    assertThat(m.getString("zone_color")).isEqualTo(zone(pct) == null ? null : COLOURS.get(zone(pct) - 1));
    if (resting != null) {
      assertThat(m.getDouble("pct_hrr")).isEqualTo(round1(100 * (hr - resting) / (hrMax - resting)));
    }
  }

  @Test
  void activeAthletesAppearWithZonesFromTheirProfiles() {
    Account coach = account("coach");
    Account anna = account("athlete", new JsonObject().put("age", 30).put("resting_heart_rate", 60));
    Account bert = account("athlete", new JsonObject().put("age", 50));
    Account cleo = account("athlete", new JsonObject().put("age", 40).put("max_heart_rate", 200));
    Account dora = account("athlete", new JsonObject().put("age", 30));
    Account idle = account("athlete", new JsonObject().put("age", 30));
    String annaWorkout = startWorkout(anna.id());
    startWorkout(bert.id());
    startWorkout(cleo.id());
    startWorkout(dora.id());
    reading(anna, 150);
    reading(bert, 100);
    reading(cleo, 185);
    reading(dora, 80);

    Res res = api.get("/fitness/floor", coach.token());
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    JsonObject floor = res.json();
    assertThat(floor.fieldNames()).contains("class", "athletes", "unassigned", "bridges", "music");
    JsonArray athletes = floor.getJsonArray("athletes");
    JsonObject a = find(athletes, anna.id());
    assertThat(a).as("anna is on the floor").isNotNull();
    assertThat(a.fieldNames()).contains("user_id", "username", "ts", "workout_id", "class_id", "heart_rate", "hr_max",
        "pct_hr_max", "pct_hrr", "zone", "zone_color", "calories", "effort_points", "minutes_high_zone", "trimp",
        "hrv_rmssd", "stress_level", "emotional_state", "exercise", "reps_counted", "form_score", "power", "cadence",
        "speed", "distance", "alerts");
    assertThat(a.getString("username")).isEqualTo(anna.username());
    assertThat(a.getString("workout_id")).isEqualTo(annaWorkout);
    assertMetrics(a, 150, 208 - 0.7 * 30, 60.0);
    assertThat(a.getInteger("zone")).isEqualTo(4);
    assertMetrics(find(athletes, bert.id()), 100, 208 - 0.7 * 50, null);
    assertThat(find(athletes, bert.id()).getInteger("zone")).isEqualTo(1);
    assertMetrics(find(athletes, cleo.id()), 185, 200, null);
    assertThat(find(athletes, cleo.id()).getString("zone_color")).isEqualTo("#E53935");
    JsonObject d = find(athletes, dora.id());
    assertMetrics(d, 80, 208 - 0.7 * 30, null);
    assertThat(d.getValue("zone")).as("below the training zones").isNull();
    assertThat(find(athletes, idle.id())).as("no workout, no reading: not active").isNull();

    Res live = api.get("/fitness/users/" + anna.id() + "/live", anna.token());
    assertThat(live.status()).isEqualTo(200);
    assertMetrics(live.json(), 150, 208 - 0.7 * 30, 60.0);
    assertThat(live.json().getString("workout_id")).isEqualTo(annaWorkout);
  }
}
