package com.clisonix.edge.gateway.workout;

import com.clisonix.edge.analysis.session.AthleteRouterVerticle;
import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.api.Vocabulary;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.profile.ProfileRoutes;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Workouts and their exercises, as the specification's endpoints define them. */
public final class WorkoutRoutes {
  /** Published when a workout ends: {@code {"workout_id", "user_id"}}. Stats and pairings react to it. */
  public static final String WORKOUT_ENDED = "workout.ended";
  /** Published when a workout starts: {@code {"workout_id", "user_id"}}. The journal's reading context follows it. */
  public static final String WORKOUT_STARTED = "workout.started";

  private final ApiContext api;
  private final WorkoutRepository workouts;
  private final com.clisonix.edge.gateway.profile.ProfileRepository profiles;

  public WorkoutRoutes(ApiContext api) {
    this.api = api;
    this.workouts = new WorkoutRepository(api.edge(), api.config().encryption().crypto());
    this.profiles = new com.clisonix.edge.gateway.profile.ProfileRepository(api.edge(), api.config().encryption().crypto());
  }

  public void mount(Router router) {
    router.post("/fitness/users/:id/workouts").handler(this::start);
    router.get("/fitness/users/:id/workouts").handler(this::list);
    router.get("/fitness/workouts/:id").handler(this::details);
    router.put("/fitness/workouts/:id/end").handler(this::end);
    router.post("/fitness/workouts/:id/exercises").handler(this::addExercise);
  }

  private void start(RoutingContext ctx) {
    UUID userId = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrStaff(ctx, userId);
    Fields f = Fields.of(ctx);
    String name = f.requiredString("name", 1, 255);
    String type = f.enumValue("workout_type", Vocabulary.WORKOUT_TYPE);
    if (type == null) {
      throw ApiException.validation("workout_type", "workout_type is required: one of " + String.join(", ",
          new java.util.TreeSet<>(Vocabulary.WORKOUT_TYPE)));
    }
    String intensity = f.enumValue("intensity", Vocabulary.INTENSITY);
    String description = f.string("description", 0, 4000);
    String moodBefore = f.enumValue("mood_before", Vocabulary.MOOD);
    Integer energyBefore = f.integer("energy_before", 1, 10);
    String location = f.string("location", 1, 255);
    UUID id = UUID.randomUUID();
    profiles.exists(userId)
        .compose(exists -> exists ? workouts.runningClass() : Future.failedFuture(ApiException.notFound("profile")))
        .compose(cls -> workouts.insert(new WorkoutRepository.NewWorkout(id, userId, cls.orElse(null), name, description,
            type, intensity, moodBefore, energyBefore, location)))
        .recover(err -> Rows.uniqueViolation(err) != null
            ? workouts.openWorkout(userId).compose(open -> Future.failedFuture(ApiException.conflict(null,
                "the user has an open workout already" + open.map(o -> ": " + o).orElse(""))))
            : Future.failedFuture(err))
        .onSuccess(started -> {
          api.vertx().eventBus().publish(WORKOUT_STARTED, new JsonObject().put("workout_id", id.toString())
              .put("user_id", userId.toString()));
          ApiResponses.json(ctx, 201, new JsonObject()
            .put("success", true)
            .put("workout_id", id.toString())
            .put("name", name)
            .put("type", type)
            .put("intensity", intensity)
            .put("started_at", started.toInstant().toString()));
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    UUID userId = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrStaff(ctx, userId);
    int limit = Fields.queryInt(ctx, "limit", 10, 1, 100);
    profiles.exists(userId)
        .compose(exists -> exists ? workouts.list(userId, limit) : Future.failedFuture(ApiException.notFound("profile")))
        .onSuccess(rows -> ApiResponses.json(ctx, 200, rows))
        .onFailure(ctx::fail);
  }

  /** Loads a workout and checks the caller may see it (athletes: only their own). */
  private Future<JsonObject> owned(RoutingContext ctx, UUID id) {
    return workouts.find(id).map(found -> {
      JsonObject w = found.orElseThrow(() -> ApiException.notFound("workout"));
      Access.requireSelfOrStaff(ctx, UUID.fromString(w.getString("user_id")));
      return w;
    });
  }

  private void details(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "workout");
    Access.principal(ctx);
    owned(ctx, id)
        .compose(w -> workouts.exercises(id).map(ex -> w.put("exercises_count", ex.size()).put("exercises", ex)))
        .onSuccess(w -> ApiResponses.json(ctx, 200, w))
        .onFailure(ctx::fail);
  }

  private void end(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "workout");
    Access.principal(ctx);
    Fields f = Fields.of(ctx);
    Boolean completed = f.bool("completed");
    WorkoutRepository.Ending ending = new WorkoutRepository.Ending(f.enumValue("mood_after", Vocabulary.MOOD),
        f.integer("energy_after", 1, 10), f.integer("pain_level", 0, 10), f.string("notes", 0, 4000),
        f.string("ai_feedback", 0, 4000), completed == null || completed);
    owned(ctx, id)
        .compose(w -> {
          if (w.getValue("ended_at") != null) {
            return Future.failedFuture(ApiException.conflict(null, "the workout has ended already"));
          }
          return liveSummary(UUID.fromString(w.getString("user_id")), id);
        })
        .compose(analysis -> workouts.end(id, ending, analysis)
            .map(row -> row.orElseThrow(() -> ApiException.conflict(null, "the workout has ended already")))
            .onSuccess(row -> {
              UUID user = row.getUUID("user_id");
              api.vertx().eventBus().publish(WORKOUT_ENDED, new JsonObject().put("workout_id", id.toString())
                  .put("user_id", user.toString()));
              if (analysis != null && analysis.getValue("hr_max_raise") != null) {
                // the raised HRmax is in the profile now: the actor and the pairing registry re-read it
                api.vertx().eventBus().publish(ProfileRoutes.PROFILE_CHANGED, new JsonObject().put("user_id", user.toString()));
              }
            })
            .map(row -> ended(id, row)))
        .onSuccess(body -> ApiResponses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  /**
   * The athlete actor's account of the workout (it ends the actor's workout too); null when no
   * actor answers in time, and the ending then falls back on the stored readings.
   */
  private Future<JsonObject> liveSummary(UUID userId, UUID workoutId) {
    return api.vertx().eventBus().<JsonObject>request(AthleteRouterVerticle.SUMMARY_ADDRESS, new JsonObject()
            .put("user_id", userId.toString()).put("workout_id", workoutId.toString()),
            new DeliveryOptions().setSendTimeout(5000))
        .map(m -> m.body())
        .otherwise((JsonObject) null);
  }

  /**
   * Exactly the specification's response; what the analysis filled in is on the workout
   * ({@code GET /fitness/workouts/{id}}).
   */
  private static JsonObject ended(UUID id, io.vertx.sqlclient.Row row) {
    return new JsonObject()
        .put("success", true)
        .put("message", "Workout ended")
        .put("workout_id", id.toString())
        .put("duration_minutes", row.getInteger("duration_minutes"))
        .put("ended_at", row.getOffsetDateTime("ended_at").toInstant().toString());
  }

  private void addExercise(RoutingContext ctx) {
    UUID workoutId = Fields.pathId(ctx, "id", "workout");
    Access.principal(ctx);
    Fields f = Fields.of(ctx);
    JsonObject e = new JsonObject()
        .put("name", f.requiredString("name", 1, 255))
        .put("description", f.string("description", 0, 4000))
        .put("exercise_type", orDefault(f.string("exercise_type", 1, 50), "strength"))
        .put("muscle_groups", listOrEmpty(f.stringList("muscle_groups", 20, 50)))
        .put("sets", f.integer("sets", 0, 1000))
        .put("reps", f.integer("reps", 0, 100_000))
        .put("weight_kg", f.number("weight_kg", 0, 1000))
        .put("duration_seconds", f.integer("duration_seconds", 0, 86_400))
        .put("distance_m", f.number("distance_m", 0, 1_000_000))
        .put("difficulty_rating", f.integer("difficulty_rating", 1, 10));
    UUID id = UUID.randomUUID();
    owned(ctx, workoutId)
        .compose(w -> workouts.addExercise(workoutId, id, e))
        .map(started -> started.orElseThrow(() -> ApiException.conflict(null, "the workout has ended: exercises can no longer be added")))
        .onSuccess(started -> ApiResponses.json(ctx, 201, new JsonObject()
            .put("success", true)
            .put("exercise_id", id.toString())
            .put("name", e.getString("name"))
            .put("type", e.getString("exercise_type"))
            .put("started_at", started.toInstant().toString())))
        .onFailure(ctx::fail);
  }

  private static String orDefault(String v, String def) {
    return v == null ? def : v;
  }

  /** Absent muscle groups are stored as an empty list: the column is NOT NULL, like the spec's default. */
  private static JsonArray listOrEmpty(java.util.List<String> l) {
    return l == null ? new JsonArray() : new JsonArray(l);
  }
}
