package com.clisonix.edge.gateway.music;

import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.gateway.classes.ClassRepository;
import com.clisonix.edge.gateway.workout.WorkoutRepository;
import com.clisonix.edge.music.MusicVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The class music: the {@code Tempo} now and a coach's settings ({@code GET}/{@code PUT
 * /fitness/music}), and the recorded Standard MIDI File of a workout or a class. A file is served
 * from the store once its recording has ended, and from the music verticle while it is still
 * being recorded; before its first bar there is no music (404). Settings a coach puts are kept in
 * the store and apply again after a restart.
 */
public final class MusicRoutes {
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setSendTimeout(5000).setLocalOnly(true);
  private static final String[] NUMBERS = {"min_bpm", "max_bpm", "bpm"};
  private static final String[] NAMES = {"mode", "style"};

  private final Vertx vertx;
  private final MusicRepository music;
  private final WorkoutRepository workouts;
  private final ClassRepository classes;

  public MusicRoutes(ApiContext api) {
    this.vertx = api.vertx();
    this.music = new MusicRepository(api.edge());
    this.workouts = new WorkoutRepository(api.edge(), api.config().encryption().crypto());
    this.classes = new ClassRepository(api.edge(), api.config().encryption().crypto());
  }

  public void mount(Router router) {
    router.get("/fitness/music").handler(this::get);
    router.put("/fitness/music").handler(this::put);
    router.get("/fitness/workouts/:id/music.mid").handler(this::workoutMusic);
    router.get("/fitness/classes/:id/music.mid").handler(this::classMusic);
  }

  /** The Tempo now, as the music verticle of this box plays it; null when it does not answer. */
  public static Future<JsonObject> currentTempo(Vertx vertx) {
    return vertx.eventBus().<JsonObject>request(MusicVerticle.CURRENT, null, LOCAL).map(m -> m.body());
  }

  private void get(RoutingContext ctx) {
    // the floor's tempo is nobody's personal data: every person on the floor hears it
    Access.require(ctx, Role.ATHLETE, Role.COACH, Role.ADMIN);
    currentTempo(vertx)
        .onSuccess(t -> ApiResponses.json(ctx, 200, t))
        .onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    Fields f = Fields.of(ctx);
    JsonObject update = new JsonObject();
    for (String field : NAMES) {
      Object v = f.raw(field);
      if (v != null && !(v instanceof String)) {
        throw ApiException.validation(field, field + " must be a string");
      }
      update.put(field, v);
    }
    for (String field : NUMBERS) {
      Object v = f.raw(field);
      if (v != null && !(v instanceof Number)) {
        throw ApiException.validation(field, field + " must be a number (bpm)");
      }
      update.put(field, v == null ? null : ((Number) v).doubleValue());
    }
    // the music verticle validates against the settings in force and applies all or nothing
    vertx.eventBus().<JsonObject>request(MusicVerticle.SETTINGS, update, LOCAL)
        .map(m -> {
          JsonArray errors = m.body().getJsonArray("errors");
          if (errors != null) {
            JsonObject first = errors.getJsonObject(0);
            String message = errors.stream().map(o -> (JsonObject) o)
                .map(e -> e.getString("field") + " " + e.getString("reason")).collect(Collectors.joining("; "));
            throw ApiException.validation(first.getString("field"), message);
          }
          return m.body();
        })
        // kept for the next start; a store that fails answers with its error (the change is live already)
        .compose(applied -> music.saveSettings(applied.getJsonObject("settings")).map(v -> applied.getJsonObject("tempo")))
        .onSuccess(t -> ApiResponses.json(ctx, 200, t))
        .onFailure(ctx::fail);
  }

  private void workoutMusic(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "workout");
    Access.principal(ctx);
    workouts.find(id)
        .map(found -> {
          JsonObject w = found.orElseThrow(() -> ApiException.notFound("workout"));
          Access.requireSelfOrStaff(ctx, UUID.fromString(w.getString("user_id")));
          return w;
        })
        .compose(w -> midi("workout", id))
        .onSuccess(bytes -> sendMidi(ctx, bytes))
        .onFailure(ctx::fail);
  }

  private void classMusic(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    UUID id = Fields.pathId(ctx, "id", "class");
    classes.find(id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("class")))
        .compose(c -> midi("class", id))
        .onSuccess(bytes -> sendMidi(ctx, bytes))
        .onFailure(ctx::fail);
  }

  /** The stored file, else the recording in progress, else 404. */
  private Future<byte[]> midi(String kind, UUID id) {
    return music.midi(kind, id).compose(stored -> stored.isPresent()
        ? Future.succeededFuture(stored.get())
        : vertx.eventBus().<JsonObject>request(MusicVerticle.RECORDING, new JsonObject().put("kind", kind)
                .put("id", id.toString()), LOCAL)
            .map(m -> Optional.ofNullable(m.body()).map(r -> r.getBinary("midi"))
                .orElseThrow(() -> ApiException.notFound("music")))
            // a box without its music verticle has no recording in progress either
            .recover(err -> Future.failedFuture(err instanceof ApiException ? err : ApiException.notFound("music"))));
  }

  private static void sendMidi(RoutingContext ctx, byte[] bytes) {
    ctx.response().setStatusCode(200).putHeader("content-type", "audio/midi").end(Buffer.buffer(bytes));
  }
}
