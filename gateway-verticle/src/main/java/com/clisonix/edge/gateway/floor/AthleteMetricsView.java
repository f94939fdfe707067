package com.clisonix.edge.gateway.floor;

import com.clisonix.edge.analysis.hr.AthleteProfile;
import com.clisonix.edge.analysis.hr.HeartRateZones;
import com.clisonix.edge.analysis.hr.HrMax;
import com.clisonix.edge.analysis.hr.HrMaxCalculator;
import com.clisonix.edge.analysis.hr.KarvonenCalculator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The contract's {@code AthleteMetrics} object, filled with what the edge store knows: identity,
 * open workout and class, the latest heart rate of the last 60 s and the figures that follow from
 * it and the profile (HRmax in effect, %HRmax, %HRR, zone). Fields that need the live session
 * state (calories, effort points, TRIMP, HRV, reps, form...) are null here.
 */
public final class AthleteMetricsView {
  private final HrMaxCalculator hrMax;
  private final HeartRateZones zones;

  public AthleteMetricsView(HrMaxCalculator hrMax, HeartRateZones zones) {
    this.hrMax = hrMax;
    this.zones = zones;
  }

  public JsonObject from(JsonObject row) {
    Double hr = row.getDouble("heart_rate");
    Optional<HrMax> max = hrMax.resolve(new AthleteProfile(row.getInteger("age"), row.getString("gender"), null,
        row.getDouble("resting_heart_rate"), row.getDouble("max_heart_rate")));
    Double pctMax = null;
    Double pctHrr = null;
    Integer zone = null;
    String colour = null;
    if (hr != null && max.isPresent()) {
      double m = max.get().bpm();
      pctMax = round1(HeartRateZones.percentOfHrMax(hr, m));
      Double rest = row.getDouble("resting_heart_rate");
      if (rest != null && rest < m) {
        pctHrr = round1(KarvonenCalculator.percentOfReserve(hr, rest, m));
      }
      int z = zones.zoneFor(hr, m);
      if (z > 0) {
        zone = z;
        colour = zones.colour(z).map(c -> c.hex()).orElse(null);
      }
    }
    String ts = row.getString("hr_time") != null ? row.getString("hr_time") : row.getString("last_reading");
    return new JsonObject()
        .put("user_id", row.getString("user_id"))
        .put("username", row.getString("username"))
        .put("ts", ts)
        .put("workout_id", row.getString("workout_id"))
        .put("class_id", row.getString("class_id"))
        .put("heart_rate", hr)
        .put("hr_max", max.map(h -> round1(h.bpm())).orElse(null))
        .put("pct_hr_max", pctMax)
        .put("pct_hrr", pctHrr)
        .put("zone", zone)
        .put("zone_color", colour)
        .put("calories", null)
        .put("effort_points", null)
        .put("minutes_high_zone", null)
        .put("trimp", null)
        .put("hrv_rmssd", null)
        .put("stress_level", null)
        .put("emotional_state", null)
        .put("exercise", null)
        .put("reps_counted", null)
        .put("form_score", null)
        .put("power", null)
        .put("cadence", null)
        .put("speed", null)
        .put("distance", null)
        .put("alerts", new JsonArray());
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
