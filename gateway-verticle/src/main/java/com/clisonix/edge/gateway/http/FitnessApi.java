package com.clisonix.edge.gateway.http;

import com.clisonix.edge.analysis.hr.HeartRateZones;
import com.clisonix.edge.analysis.hr.HrMaxCalculator;
import com.clisonix.edge.gateway.analysis.AnalyzeRoutes;
import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.auth.ApiGuard;
import com.clisonix.edge.gateway.auth.AuthRoutes;
import com.clisonix.edge.gateway.biometric.BiometricRoutes;
import com.clisonix.edge.gateway.classes.ClassRoutes;
import com.clisonix.edge.gateway.floor.AthleteMetricsView;
import com.clisonix.edge.gateway.floor.FloorRoutes;
import com.clisonix.edge.gateway.music.MusicRoutes;
import com.clisonix.edge.gateway.pairing.PairingRoutes;
import com.clisonix.edge.gateway.profile.ProfileRoutes;
import com.clisonix.edge.gateway.replication.ReplicationRoutes;
import com.clisonix.edge.gateway.stats.StatsRoutes;
import com.clisonix.edge.gateway.workout.WorkoutRoutes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The {@code /fitness} API on a router: body limits and error rendering first, the public token
 * route, then the guard (token, revocation, rate limit) in front of everything else.
 */
public final class FitnessApi {
  private FitnessApi() {}

  public static void mount(Router router, ApiContext api) {
    int maxBody = api.config().http().maxBodyBytes();
    ApiResponses.mountFailureHandler(router, maxBody);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBody);
    // full pose frames need a larger body, read only once the guard has admitted the caller
    router.route("/fitness/*").handler(ctx -> {
      if (AnalyzeRoutes.POSE_PATH.equals(ctx.normalizedPath())) {
        // held until the route's own body handler reads it, after the guard's asynchronous checks
        ctx.request().pause();
        ctx.next();
      } else {
        body.handle(ctx);
      }
    });
    AuthRoutes auth = new AuthRoutes(api);
    auth.mountPublic(router);
    router.route("/fitness/*").handler(new ApiGuard(api.tokens(), api.revocations(), api.counters(), api.config().auth()));
    auth.mountProtected(router);
    HrMaxCalculator hrMax = new HrMaxCalculator();
    new ProfileRoutes(api, hrMax).mount(router);
    new WorkoutRoutes(api).mount(router);
    new BiometricRoutes(api).mount(router);
    new ClassRoutes(api).mount(router);
    new StatsRoutes(api).mount(router);
    new PairingRoutes(api).mount(router);
    new FloorRoutes(api, new AthleteMetricsView(hrMax, HeartRateZones.defaults())).mount(router);
    new AnalyzeRoutes(api).mount(router);
    new MusicRoutes(api).mount(router);
    new ReplicationRoutes(api).mount(router);
  }
}
