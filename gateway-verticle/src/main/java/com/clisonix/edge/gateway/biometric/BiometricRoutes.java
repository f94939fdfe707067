package com.clisonix.edge.gateway.biometric;

import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.api.Vocabulary;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.sensor.bridge.DeviceIds;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.ingest.WireCodecs;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Readings over HTTP, for devices that post rather than publish, and for manual entries. The
 * types are the contract's reading vocabulary; a heart rate must lie in 20-300 bpm, other types in
 * their plausible range; a time more than 24 h old or 5 min ahead is refused, as on MQTT.
 *
 * <p>A stored reading then goes to the athlete actors exactly as an MQTT one does: once, after
 * its insert committed, as a {@link Reading} published on
 * {@link MqttIngestVerticle#READINGS_ADDRESS} (by reference, local codec), so it counts in the
 * live metrics, zones, calories and alerts. Its {@code source} is {@link #SOURCE}.
 */
public final class BiometricRoutes {
  static final Duration MAX_AGE = Duration.ofHours(24);
  static final Duration MAX_AHEAD = Duration.ofMinutes(5);
  /** The {@link Reading#source()} of readings posted over HTTP (MQTT readings carry the bridge id). */
  public static final String SOURCE = "http";

  private final Vertx vertx;
  private final BiometricRepository readings;
  private final com.clisonix.edge.gateway.profile.ProfileRepository profiles;

  public BiometricRoutes(ApiContext api) {
    this.vertx = api.vertx();
    this.readings = new BiometricRepository(api.edge(), api.config().encryption().crypto());
    this.profiles = new com.clisonix.edge.gateway.profile.ProfileRepository(api.edge(), api.config().encryption().crypto());
    WireCodecs.register(vertx);
  }

  public void mount(Router router) {
    router.post("/fitness/users/:id/biometrics").handler(this::record);
    router.get("/fitness/users/:id/biometrics").handler(this::list);
  }

  static ReadingType type(String field, String name) {
    return ReadingType.fromWireName(name).orElseThrow(() -> ApiException.validation(field, field
        + " must be a type of the reading vocabulary, such as heart_rate, rr_interval, calories, respiratory_rate"));
  }

  private void record(RoutingContext ctx) {
    UUID userId = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrStaff(ctx, userId, Role.DEVICE);
    String refusal = com.clisonix.edge.gateway.retention.RetentionState.refusal(ctx.vertx());
    if (refusal != null) {
      com.clisonix.edge.gateway.retention.RetentionState.rejected("http", 1);
      throw ApiException.insufficientStorage(refusal);
    }
    Fields f = Fields.of(ctx);
    ReadingType type = type("biometric_type", f.requiredString("biometric_type", 1, 50));
    double min = type == ReadingType.HEART_RATE ? 20 : type.plausibleMin();
    double max = type == ReadingType.HEART_RATE ? 300 : type.plausibleMax();
    Double value = f.number("value", min, max);
    if (value == null) {
      throw ApiException.validation("value", "value is required");
    }
    String unit = f.string("unit", 1, 50);
    if (unit != null && !unit.equals(type.unit())) {
      throw ApiException.validation("unit", "unit of " + type.wireName() + " is " + type.unit());
    }
    Instant now = Instant.now();
    Instant measured = f.instant("measured_at");
    if (measured == null) {
      measured = now;
    } else if (measured.isBefore(now.minus(MAX_AGE)) || measured.isAfter(now.plus(MAX_AHEAD))) {
      throw ApiException.validation("measured_at", "measured_at must be within the last 24 hours and not more than 5 minutes ahead");
    }
    String deviceId = null;
    String rawDevice = f.string("device_id", 1, 255);
    if (rawDevice != null) {
      if (!(DeviceIds.normalise(rawDevice) instanceof ParseResult.Parsed<com.clisonix.edge.sensor.bridge.DeviceId> p)) {
        throw ApiException.validation("device_id", "device_id must be a MAC address or 1 to 64 of letters, digits, '_' or '-'");
      }
      deviceId = p.value().value();
    }
    Double confidence = f.number("confidence_score", 0, 1);
    BiometricRepository.NewReading r = new BiometricRepository.NewReading(UUID.randomUUID(), userId, type.wireName(), value,
        type.unit(), measured, f.enumValue("context", Vocabulary.CONTEXT), f.enumValue("device_type", Vocabulary.DEVICE_TYPE),
        deviceId, confidence == null ? 1.0 : confidence);
    readings.insert(r)
        .map(ctxStored -> ctxStored.orElseThrow(() -> ApiException.notFound("profile")))
        .onSuccess(stored -> forward(r, type))
        .onSuccess(stored -> ApiResponses.json(ctx, 201, new JsonObject()
            .put("success", true)
            .put("biometric_id", r.id().toString())
            .put("type", r.type())
            .put("value", r.value())
            .put("unit", r.unit())
            .put("context", stored)
            .put("recorded_at", r.measuredAt().toString())))
        .onFailure(ctx::fail);
  }

  /** Hands a committed reading to the athlete actors, as the MQTT ingest does with its readings. */
  private void forward(BiometricRepository.NewReading r, ReadingType type) {
    vertx.eventBus().publish(MqttIngestVerticle.READINGS_ADDRESS, new Reading(r.userId(), type, r.value(), r.unit(),
        r.measuredAt().toEpochMilli(), r.deviceId(), r.deviceType(), SOURCE, null));
  }

  private void list(RoutingContext ctx) {
    UUID userId = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrStaff(ctx, userId);
    String typeName = ctx.queryParams().get("biometric_type");
    String type = typeName == null || typeName.isBlank() ? null : type("biometric_type", typeName).wireName();
    int limit = Fields.queryInt(ctx, "limit", 100, 1, 1000);
    profiles.exists(userId)
        .compose(exists -> exists ? readings.list(userId, type, limit) : Future.failedFuture(ApiException.notFound("profile")))
        .onSuccess(rows -> ApiResponses.json(ctx, 200, rows))
        .onFailure(ctx::fail);
  }
}
