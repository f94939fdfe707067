package com.clisonix.edge.gateway.analysis;

import com.clisonix.edge.analysis.emotion.EmotionAssessment;
import com.clisonix.edge.analysis.emotion.EmotionInputs;
import com.clisonix.edge.analysis.emotion.EmotionalStateAnalyzer;
import com.clisonix.edge.analysis.pose.ExerciseAnalyzer;
import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.analysis.pose.FormIssue;
import com.clisonix.edge.analysis.pose.FrameResult;
import com.clisonix.edge.analysis.pose.PoseEvent;
import com.clisonix.edge.analysis.pose.SinglePoseAnalyzer;
import com.clisonix.edge.analysis.pose.Skeleton;
import com.clisonix.edge.analysis.stress.StressAssessment;
import com.clisonix.edge.analysis.stress.StressComponent;
import com.clisonix.edge.analysis.stress.StressInputs;
import com.clisonix.edge.analysis.stress.StressLevelAnalyzer;
import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Principal;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The specification's AI-coaching endpoints, served by the same analysers as the live floor:
 * {@code POST /fitness/analyze/pose} (the named-joint single frame, or full 33-landmark frames),
 * {@code /analyze/emotional-state} (experimental) and {@code /analyze/stress-level}. Any
 * authenticated caller may use them; each result is stored in {@code coaching_sessions} with the
 * athlete it concerns (the caller's own profile, or {@code user_id} from staff) and that
 * athlete's open workout.
 */
public final class AnalyzeRoutes {
  public static final String POSE_PATH = "/fitness/analyze/pose";
  /** Longest frame sequence one request may carry (two minutes at 30 fps). */
  static final int MAX_FRAMES = 3600;
  /** Body limit of the pose route: two minutes of 33-landmark frames as JSON. */
  static final int MAX_POSE_BODY_BYTES = 8 * 1024 * 1024;

  private final ApiContext api;
  private final StoreCrypto crypto;
  private final StressLevelAnalyzer stress = new StressLevelAnalyzer();
  private final EmotionalStateAnalyzer emotion = new EmotionalStateAnalyzer();

  public AnalyzeRoutes(ApiContext api) {
    this.api = api;
    this.crypto = api.config().encryption().crypto();
  }

  public void mount(Router router) {
    router.post("/fitness/analyze/pose")
        .handler(BodyHandler.create(false).setBodyLimit(Math.max(MAX_POSE_BODY_BYTES, api.config().http().maxBodyBytes())))
        .handler(this::pose);
    router.post("/fitness/analyze/emotional-state").handler(this::emotionalState);
    router.post("/fitness/analyze/stress-level").handler(this::stressLevel);
  }

  /** Whom the analysis is about, with their resting HR and open workout; empty subject when the caller has no profile. */
  private record Subject(UUID userId, Double restingHr, UUID openWorkout) {}

  private Future<Subject> subject(RoutingContext ctx, Fields f) {
    Principal caller = Access.principal(ctx);
    UUID asked = f.uuid("user_id");
    UUID user = asked != null ? asked : caller.userId();
    if (asked != null && caller.is(Role.ATHLETE) && !caller.owns(asked)) {
      throw ApiException.forbidden("this is another user's data");
    }
    if (user == null) {
      return Future.succeededFuture(new Subject(null, null, null));
    }
    return api.edge().preparedQuery("SELECT u.resting_heart_rate, w.id AS workout_id FROM fitness_users u "
            + "LEFT JOIN workouts w ON w.user_id = u.id AND w.ended_at IS NULL WHERE u.id = $1")
        .execute(Tuple.of(user))
        .map(rows -> {
          if (rows.size() == 0) {
            throw ApiException.notFound("profile");
          }
          Row r = rows.iterator().next();
          return new Subject(user, r.getDouble("resting_heart_rate"), r.getUUID("workout_id"));
        });
  }

  private static JsonObject requestOf(RoutingContext ctx) {
    JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
    return body == null ? new JsonObject() : body;
  }

  private Future<Void> store(Subject s, String type, String exercise, JsonObject request, JsonObject result,
      Double formScore) {
    return api.edge().preparedQuery("INSERT INTO coaching_sessions (id, user_id, workout_id, analysis_type, exercise_name, "
            + "request, result, form_score) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), s.userId(), s.openWorkout(), type, exercise,
            // the request holds the landmarks, the result what was read from them: both stored encrypted
            Rows.buffer(crypto.cipher().encryptString(EncryptedColumn.COACHING_REQUEST, request.encode())),
            Rows.buffer(crypto.cipher().encryptString(EncryptedColumn.COACHING_RESULT, result.encode())), formScore}))
        .mapEmpty();
  }

  private void pose(RoutingContext ctx) {
    Access.principal(ctx);
    Fields f = Fields.of(ctx);
    JsonObject request = requestOf(ctx);
    String name = f.requiredString("exercise_name", 1, 255);
    ExerciseKind kind = ExerciseKind.fromName(name).orElseThrow(() -> ApiException.validation("exercise_name",
        "exercise_name must be one of push_up, squat, deadlift, lunge, pull_up, plank, bicep_curl (or an alias)"));
    Integer width = f.integer("width", 1, 10_000);
    Integer height = f.integer("height", 1, 10_000);
    JsonObject result;
    if (f.has("frames")) {
      result = frames(kind, f, width, height);
    } else if (f.has("pose_landmarks")) {
      result = namedJoints(kind, f, width, height);
    } else {
      throw ApiException.validation("pose_landmarks", "pose_landmarks (named joints) or frames is required");
    }
    Double score = result.getDouble("form_score");
    subject(ctx, f)
        .compose(s -> store(s, "pose", kind.wireName(), request, result, score))
        .onSuccess(v -> ApiResponses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  /** The specification's request: named joints with x, y, z and per-joint confidence. */
  private static JsonObject namedJoints(ExerciseKind kind, Fields f, Integer width, Integer height) {
    JsonObject landmarks = f.object("pose_landmarks");
    JsonObject confidence = f.object("confidence_scores");
    Map<String, SinglePoseAnalyzer.Joint> joints = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : landmarks) {
      String field = "pose_landmarks." + e.getKey();
      if (!(e.getValue() instanceof JsonObject j)) {
        throw ApiException.validation(field, field + " must be an object with numbers x, y and optionally z");
      }
      double x = coordinate(j, "x", field, true);
      double y = coordinate(j, "y", field, true);
      double z = coordinate(j, "z", field, false);
      joints.put(e.getKey(), new SinglePoseAnalyzer.Joint(x, y, z));
    }
    Map<String, Double> conf = new LinkedHashMap<>();
    if (confidence != null) {
      for (Map.Entry<String, Object> e : confidence) {
        if (!(e.getValue() instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
          throw ApiException.validation("confidence_scores." + e.getKey(),
              "confidence_scores." + e.getKey() + " must be a number between 0 and 1");
        }
        conf.put(e.getKey(), n.doubleValue());
      }
    }
    SinglePoseAnalyzer.Result r = SinglePoseAnalyzer.analyze(kind.wireName(), joints, conf,
        width == null ? 0 : width, height == null ? 0 : height);
    if (r.status() != SinglePoseAnalyzer.Status.OK) {
      throw ApiException.validation("pose_landmarks", String.join("; ", r.notes()));
    }
    String audio = r.detected().isEmpty() ? null : r.detected().get(0).audioCoaching();
    return new JsonObject()
        .put("exercise", r.exercise())
        .put("form_score", Math.round(r.formScore().getAsDouble() * 10) / 10.0)
        .put("issues", new JsonArray(r.issues()))
        .put("recommendations", new JsonArray(r.recommendations()))
        .put("audio_coaching", audio)
        .put("notes", new JsonArray(r.notes()))
        .put("timestamp", Instant.now().toString());
  }

  private static double coordinate(JsonObject j, String axis, String field, boolean required) {
    Object v = j.getValue(axis);
    if (v == null && !required) {
      return 0;
    }
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw ApiException.validation(field + "." + axis, field + "." + axis + " must be a number");
    }
    return n.doubleValue();
  }

  /**
   * Full frames (as a camera publishes them): reps, per-rep scores and the set's form, from the
   * live analyser. {@code ts} per frame is optional ({@code fps}, default 30, spaces them).
   */
  private static JsonObject frames(ExerciseKind kind, Fields f, Integer width, Integer height) {
    if (width == null) {
      throw ApiException.validation("width", "width (pixels) is required with frames");
    }
    if (height == null) {
      throw ApiException.validation("height", "height (pixels) is required with frames");
    }
    Double fps = f.number("fps", 1, 240);
    Object raw = f.raw("frames");
    if (!(raw instanceof JsonArray frames) || frames.isEmpty() || frames.size() > MAX_FRAMES) {
      throw ApiException.validation("frames", "frames must be an array of 1 to " + MAX_FRAMES + " frames");
    }
    ExerciseAnalyzer analyzer = new ExerciseAnalyzer(kind);
    long start = System.currentTimeMillis();
    double step = 1000.0 / (fps == null ? 30.0 : fps);
    List<JsonObject> reps = new ArrayList<>();
    Set<FormIssue> issues = new LinkedHashSet<>();
    FrameResult last = null;
    long ts = start;
    for (int i = 0; i < frames.size(); i++) {
      String field = "frames[" + i + "]";
      if (!(frames.getValue(i) instanceof JsonObject frame)) {
        throw ApiException.validation(field, field + " must be an object with landmarks");
      }
      Object t = frame.getValue("ts");
      if (t != null && !(t instanceof Number)) {
        throw ApiException.validation(field + ".ts", field + ".ts must be epoch milliseconds");
      }
      ts = t != null ? ((Number) t).longValue() : start + Math.round(i * step);
      double[][] rows = matrix(frame.getValue("landmarks"), field + ".landmarks", 3, 4, true);
      double[][] world = matrix(frame.getValue("world"), field + ".world", 3, 3, false);
      Optional<Skeleton> sk = Skeleton.tryFromNormalised(rows, width, height, world);
      last = analyzer.onFrame(ts, sk.orElse(null));
      collect(last, reps, issues);
    }
    last = analyzer.flush(ts + 1);
    collect(last, reps, issues);
    JsonArray issueTexts = new JsonArray();
    JsonArray recommendations = new JsonArray();
    issues.forEach(i -> {
      issueTexts.add(i.issue());
      recommendations.add(i.recommendation());
    });
    return new JsonObject()
        .put("exercise", kind.wireName())
        .put("form_score", last.hasSetFormScore() ? Math.round(last.setFormScore() * 10) / 10.0 : null)
        .put("issues", issueTexts)
        .put("recommendations", recommendations)
        .put("audio_coaching", issues.isEmpty() ? null : issues.iterator().next().audioCoaching())
        .put("reps_counted", kind.countsReps() ? last.reps() : null)
        .put("partial_reps", last.partialReps())
        .put("hold_seconds", kind.countsReps() ? null : Math.round(last.holdSeconds() * 10) / 10.0)
        .put("reps", new JsonArray(new ArrayList<>(reps)))
        .put("frames_analysed", frames.size())
        .put("timestamp", Instant.now().toString());
  }

  private static void collect(FrameResult r, List<JsonObject> reps, Set<FormIssue> issues) {
    for (PoseEvent e : r.events()) {
      if (e instanceof PoseEvent.RepCounted rc) {
        JsonArray texts = new JsonArray();
        rc.issues().forEach(i -> texts.add(i.issue()));
        reps.add(new JsonObject().put("rep", rc.rep()).put("form_score", Math.round(rc.formScore() * 10) / 10.0)
            .put("issues", texts));
        issues.addAll(rc.issues());
      } else if (e instanceof PoseEvent.FormIssueDetected fi) {
        issues.add(fi.issue());
      }
    }
  }

  private static double[][] matrix(Object v, String field, int minCols, int maxCols, boolean required) {
    if (v == null && !required) {
      return null;
    }
    if (!(v instanceof JsonArray a) || a.size() != 33) {
      throw ApiException.validation(field, field + " must be 33 rows (BlazePose order)");
    }
    double[][] out = new double[33][];
    for (int i = 0; i < 33; i++) {
      if (!(a.getValue(i) instanceof JsonArray row) || row.size() < minCols || row.size() > maxCols) {
        throw ApiException.validation(field, field + "[" + i + "] must have " + minCols
            + (minCols == maxCols ? "" : " or " + maxCols) + " numbers");
      }
      out[i] = new double[row.size()];
      for (int k = 0; k < row.size(); k++) {
        if (!(row.getValue(k) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
          throw ApiException.validation(field, field + "[" + i + "] must hold numbers only");
        }
        out[i][k] = n.doubleValue();
      }
    }
    return out;
  }

  private void emotionalState(RoutingContext ctx) {
    Access.principal(ctx);
    Fields f = Fields.of(ctx);
    JsonObject request = requestOf(ctx);
    EmotionInputs in = new EmotionInputs(f.number("pupil_size", 1, 10), f.number("pupil_dilation_rate", 0, 5),
        f.number("blink_rate", 0, 120), f.number("eye_gaze_stability", 0, 100), f.number("heart_rate", 20, 300));
    EmotionAssessment a = emotion.analyze(in).orElseThrow(() -> ApiException.validation("pupil_size",
        "at least one eye feature is required: pupil_size, pupil_dilation_rate, blink_rate or eye_gaze_stability"));
    JsonObject result = new JsonObject()
        .put("emotional_state", a.state().wireName())
        .put("confidence", Math.round(a.confidence() * 100) / 100.0)
        .put("timestamp", Instant.now().toString())
        .put("experimental", true)
        .put("note", "Experimental: no validated model maps pupil and blink data to emotions; light and exertion "
            + "change the pupil too. Do not base decisions on this label.");
    subject(ctx, f)
        .compose(s -> store(s, "emotional_state", null, request, result, null))
        .onSuccess(v -> ApiResponses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  private void stressLevel(RoutingContext ctx) {
    Access.principal(ctx);
    Fields f = Fields.of(ctx);
    JsonObject request = requestOf(ctx);
    Double hr = f.number("heart_rate", 20, 300);
    Double hrv = f.number("heart_rate_variability", 0.1, 500);
    Double pupil = f.number("pupil_dilation_rate", 0, 10);
    Double resp = f.number("respiratory_rate", 2, 80);
    Double resting = f.number("resting_heart_rate", 25, 120);
    Boolean exercising = f.bool("during_exercise");
    if (hr == null && hrv == null && pupil == null && resp == null) {
      throw ApiException.validation("heart_rate", "at least one signal is required: heart_rate, "
          + "heart_rate_variability, pupil_dilation_rate or respiratory_rate");
    }
    subject(ctx, f)
        .compose(s -> {
          // the athlete's own resting HR when the request has none; "during exercise" from their open workout
          StressInputs in = new StressInputs(hr, hrv, pupil, resp, resting != null ? resting : s.restingHr(),
              exercising != null ? exercising : s.openWorkout() != null);
          StressAssessment a = stress.analyze(in).orElseThrow();
          JsonObject points = new JsonObject();
          a.points().forEach((c, p) -> points.put(c.name().toLowerCase(Locale.ROOT), Math.round(p * 10) / 10.0));
          JsonArray missing = new JsonArray();
          for (StressComponent c : StressComponent.values()) {
            if (a.missing().contains(c)) {
              missing.add(c.name().toLowerCase(Locale.ROOT));
            }
          }
          JsonObject result = new JsonObject()
              .put("stress_level", a.stressLevel())
              .put("interpretation", a.interpretation())
              .put("timestamp", Instant.now().toString())
              .put("during_exercise", a.effortDominated())
              .put("explanation", a.explanation())
              .put("components", points)
              .put("missing", missing)
              .put("resting_heart_rate_assumed", a.restingHrAssumed());
          return store(s, "stress_level", null, request, result, null).map(v -> result);
        })
        .onSuccess(result -> ApiResponses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }
}
