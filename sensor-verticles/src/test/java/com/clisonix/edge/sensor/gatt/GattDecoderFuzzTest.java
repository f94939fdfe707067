package com.clisonix.edge.sensor.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.PlausibilityRules;
import com.clisonix.edge.sensor.reading.Measurement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes never make a GATT decoder throw: every call ends in Decoded or Rejected, with
 * finite values, quickly.
 */
class GattDecoderFuzzTest {

    /** Valid packets from ble-gatt.md (§1 vectors 1, 5; §2.1 I3; §2.2 CITYSPORTS shape; §4 C1) to mutate. */
    private static final List<byte[]> SEEDS = List.of(
            Hex.bytes("16 48 54 01 EC 02"),
            Hex.bytes("1F 01 01 32 01 01 00 02 01 FF FF"),
            Hex.bytes("54 02 CA 0C A0 00 D3 A4 00 2C 01 8F"),
            Hex.bytes("84 24 90 01 D2 04 00 38 00 FF FF FF 58 02 21 03 00"),
            Hex.bytes("03 2D 06 00 00 A3 A9 90 0A 28 9F"),
            Hex.bytes("08 81 00 E8 03 50 00 4B 00 C8 00"));

    private static void checkAll(byte[] packet, CscCalculator csc, long now) {
        for (GattCharacteristic c : GattCharacteristic.values()) {
            DecodeResult r = c.decoder().decode(packet);
            assertThat(r).isNotNull();
            if (r instanceof DecodeResult.Decoded d) {
                for (Measurement m : d.measurements()) {
                    assertThat(Double.isFinite(m.value())).as(c + " " + m).isTrue();
                }
                // the rules step must cope with whatever a decoder produced
                assertThat(PlausibilityRules.apply(d, c.marksMachine()).decoded()).isNotNull();
            }
        }
        assertThat(csc.decode(packet, now)).isNotNull();
    }

    @Test
    void randomBytesOfLength0To64() {
        CscCalculator csc = new CscCalculator();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
            qt().withFixedSeed(42).withExamples(20_000)
                .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 64))
                .checkAssert(list -> {
                    byte[] packet = new byte[list.size()];
                    for (int i = 0; i < packet.length; i++) {
                        packet[i] = (byte) (int) list.get(i);
                    }
                    checkAll(packet, csc, packet.length * 1000L);
                }));
    }

    @Test
    void mutatedValidPackets() {
        Random rnd = new Random(1826);
        CscCalculator csc = new CscCalculator();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 20_000; i++) {
                byte[] seed = SEEDS.get(rnd.nextInt(SEEDS.size()));
                int len = Math.max(0, Math.min(64, seed.length + rnd.nextInt(9) - 4));
                byte[] packet = java.util.Arrays.copyOf(seed, len);
                int flips = rnd.nextInt(3);
                for (int k = 0; k < flips && len > 0; k++) {
                    packet[rnd.nextInt(len)] ^= (byte) (1 << rnd.nextInt(8));
                }
                if (len > 0 && rnd.nextInt(4) == 0) {
                    packet[0] = (byte) rnd.nextInt(256);
                }
                checkAll(packet, csc, i * 250L);
            }
        });
    }
}
