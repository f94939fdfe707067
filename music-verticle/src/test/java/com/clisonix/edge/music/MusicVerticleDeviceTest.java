package com.clisonix.edge.music;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.music.midi.LoopbackPortProvider;
import com.clisonix.edge.music.midi.LoopbackPortProvider.Arrival;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The music verticle playing into a MIDI device chosen by name (a port the JDK lists like a USB
 * interface): the groove's notes and the beat clock reach the device, the clock with its
 * transport, and the device is let go when the music stops.
 */
class MusicVerticleDeviceTest {

    @Test
    void notesAndBeatClockReachTheNamedDevice() throws Exception {
        LoopbackPortProvider.port().drain();
        Vertx vertx = Vertx.vertx();
        try {
            JsonObject config = new JsonObject().put("output", "device:" + LoopbackPortProvider.NAME)
                .put("clock_output", LoopbackPortProvider.NAME).put("mode", "manual").put("bpm", 120.0)
                .put("style", "rock").put("lead_ms", 300);
            long started = System.nanoTime();
            String id = vertx.deployVerticle(new MusicVerticle(), new DeploymentOptions().setConfig(config))
                .await(20, TimeUnit.SECONDS);
            Thread.sleep(5_000);
            vertx.undeploy(id).await(20, TimeUnit.SECONDS);
            long stopped = System.nanoTime();
            assertThat(LoopbackPortProvider.port().isOpen()).as("the device is closed with the music").isFalse();

            List<Arrival> got = LoopbackPortProvider.port().drain();
            List<Integer> realTime = got.stream().map(Arrival::status).filter(s -> s >= 0xF8).toList();
            assertThat(realTime).as("Start before the first clock").startsWith(0xFA);
            assertThat(realTime.get(realTime.size() - 1)).as("Stop when the music stops").isEqualTo(0xFC);
            long clocks = realTime.stream().filter(s -> s == 0xF8).count();
            // 24 per quarter note at 120 bpm: 48 a second, for as long as the clock ran
            double seconds = (stopped - started) / 1e9;
            assertThat((double) clocks).isBetween(48 * (seconds - 2.5), 48 * seconds + 1);
            // the groove: rock drums on channel 10 (status 0x99), bass and chord programs, notes that end
            assertThat(got).anyMatch(a -> a.status() == 0x99 && (a.bytes()[2] & 0xFF) > 0);
            assertThat(got).anyMatch(a -> (a.status() & 0xF0) == 0xC0);
            long ons = got.stream().filter(a -> (a.status() & 0xF0) == 0x90 && (a.bytes()[2] & 0xFF) > 0).count();
            long offs = got.stream().filter(a -> (a.status() & 0xF0) == 0x80
                || ((a.status() & 0xF0) == 0x90 && (a.bytes()[2] & 0xFF) == 0)).count();
            assertThat(ons).isGreaterThan(8);
            assertThat(offs).as("every note started is ended").isGreaterThanOrEqualTo(ons - 16);
        } finally {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }
}
