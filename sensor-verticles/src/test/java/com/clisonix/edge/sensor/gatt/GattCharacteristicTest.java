package com.clisonix.edge.sensor.gatt;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GattCharacteristicTest {

    @Test
    void everyContractCharacteristicIsMapped() {
        // CONTRACT.md §1 "{char}": the ten UUIDs and which ones mark a machine
        Map<String, Boolean> expected = new TreeMap<>(Map.of(
                "2a37", false, "2a63", false, "2a5b", false, "2a53", false,
                "2acd", true, "2ad1", true, "2ad2", true, "2ace", true, "2acf", true, "2ad0", true));
        Map<String, Boolean> actual = new TreeMap<>();
        for (GattCharacteristic c : GattCharacteristic.values()) {
            actual.put(c.topicLevel(), c.marksMachine());
            assertThat(GattCharacteristic.fromTopicLevel(c.topicLevel())).contains(c);
            assertThat(Integer.toHexString(c.uuid16())).isEqualTo(c.topicLevel());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void onlyHeartRateMarksAStrap() {
        assertThat(Arrays.stream(GattCharacteristic.values()).filter(GattCharacteristic::marksStrap))
                .containsExactly(GattCharacteristic.HEART_RATE_MEASUREMENT);
    }

    @Test
    void unknownOrMalformedLevelsAreNotFound() {
        assertThat(GattCharacteristic.fromTopicLevel("2a38")).isEmpty();
        assertThat(GattCharacteristic.fromTopicLevel("json")).isEmpty();
        assertThat(GattCharacteristic.fromTopicLevel("")).isEmpty();
        assertThat(GattCharacteristic.fromTopicLevel(null)).isEmpty();
        assertThat(GattCharacteristic.fromTopicLevel("2A37")).contains(GattCharacteristic.HEART_RATE_MEASUREMENT);
    }

    @Test
    void sourceSpecificUnits() {
        // CONTRACT.md §1 vocabulary: cadence is strokes/min for rowers, steps/min for steppers and
        // runners; pace is s/500 m for rowers, s/km otherwise
        assertThat(GattCharacteristic.ROWER_DATA.unitOf(ReadingType.CADENCE)).isEqualTo("strokes/min");
        assertThat(GattCharacteristic.ROWER_DATA.unitOf(ReadingType.PACE)).isEqualTo("s/500m");
        assertThat(GattCharacteristic.TREADMILL_DATA.unitOf(ReadingType.PACE)).isEqualTo("s/km");
        assertThat(GattCharacteristic.STEP_CLIMBER_DATA.unitOf(ReadingType.CADENCE)).isEqualTo("steps/min");
        assertThat(GattCharacteristic.RSC_MEASUREMENT.unitOf(ReadingType.CADENCE)).isEqualTo("steps/min");
        assertThat(GattCharacteristic.INDOOR_BIKE_DATA.unitOf(ReadingType.CADENCE)).isEqualTo("rpm");
        assertThat(GattCharacteristic.HEART_RATE_MEASUREMENT.unitOf(ReadingType.HEART_RATE)).isEqualTo("bpm");
    }
}
