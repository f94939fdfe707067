package com.clisonix.edge.analysis.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A strap packet becomes two readings (heart rate and sensor contact). The actor emits the heart
 * rate on the leading edge and must not follow it with a trailing repeat one interval later: a
 * repeat restarts the interval and holds the athlete's next heart rate back by up to a second.
 */
class AthleteSessionEmissionTest {

    @Test
    void theSecondReadingOfAPacketDoesNotDelayTheNextHeartRate() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            vertx.eventBus().consumer(AthleteSessionVerticle.PROFILE_SNAPSHOT, m -> m.reply(null));
            List<JsonObject> emitted = new CopyOnWriteArrayList<>();
            vertx.eventBus().<JsonObject>consumer(AthleteSessionVerticle.METRICS_ADDRESS, m -> emitted.add(m.body()));
            vertx.deployVerticle(new AthleteSessionVerticle(), new DeploymentOptions().setConfig(new JsonObject()
                .put("shard", 0).put("shards", 1).put("emit_interval_ms", 1000))).await(10, TimeUnit.SECONDS);
            UUID user = UUID.randomUUID();
            String address = AthleteShards.address(0);
            long t0 = System.currentTimeMillis();
            vertx.eventBus().send(address, reading(user, ReadingType.HEART_RATE, 150, t0));
            vertx.eventBus().send(address, reading(user, ReadingType.SENSOR_CONTACT, 2, t0));
            awaitCount(emitted, 1, 3000);
            Thread.sleep(1300);
            assertThat(emitted).as("no trailing repeat of the same metrics").hasSize(1);

            long sent = System.currentTimeMillis();
            vertx.eventBus().send(address, reading(user, ReadingType.HEART_RATE, 152, sent));
            awaitCount(emitted, 2, 3000);
            assertThat(emitted.get(1).getInteger("heart_rate")).isEqualTo(152);
            // with a repeat at t0 + 1 s, this reading (more than a second after the first emission) would
            // have waited for t0 + 2 s; without one it goes out on the leading edge
            assertThat(emitted.size()).isEqualTo(2);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static Reading reading(UUID user, ReadingType type, double value, long ts) {
        return new Reading(user, type, value, type.unit(), ts, "A1B2C3D4E5F6", "chest_strap", "bridge1", null);
    }

    private static void awaitCount(List<JsonObject> list, int n, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (list.size() < n && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(n);
    }
}
