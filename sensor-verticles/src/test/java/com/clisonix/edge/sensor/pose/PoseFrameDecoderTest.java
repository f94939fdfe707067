package com.clisonix.edge.sensor.pose;

import static com.clisonix.edge.sensor.decode.Results.failed;
import static com.clisonix.edge.sensor.decode.Results.parsed;
import static com.clisonix.edge.sensor.pose.PoseJson.bytes;
import static com.clisonix.edge.sensor.pose.PoseJson.coco;
import static com.clisonix.edge.sensor.pose.PoseJson.frame;
import static com.clisonix.edge.sensor.pose.PoseJson.mediapipe;
import static com.clisonix.edge.sensor.pose.PoseJson.person;
import static com.clisonix.edge.sensor.pose.PoseJson.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.RejectReason;
import org.junit.jupiter.api.Test;

class PoseFrameDecoderTest {

    private final PoseFrameDecoder decoder = new PoseFrameDecoder();

    @Test
    void contractShapedMediapipeFrame() {
        // CONTRACT.md §1 pose frame: ts, frame, width, height, people with 33 rows [x,y,z,visibility] + world
        PoseFrame f = parsed(decoder.decode(bytes(frame(mediapipe("3")))));
        assertThat(f.ts()).hasValue(1_732_500_000_123L);
        assertThat(f.frame()).isEqualTo(42);
        assertThat(f.width()).isEqualTo(1280);
        assertThat(f.height()).isEqualTo(720);
        assertThat(f.dropped()).isEmpty();
        PosePerson p = f.people().get(0);
        assertThat(p.track()).isEqualTo("3");
        assertThat(p.format()).isEqualTo(PoseFormat.MEDIAPIPE33);
        assertThat(p.landmarks()).hasNumberOfRows(33);
        assertThat(p.landmarks()[11]).containsExactly(11.0, 11.1, 11.2, 11.3);
        assertThat(p.hasWorld()).isTrue();
        assertThat(p.world()[32]).containsExactly(32.0, 32.1, 32.2);
    }

    @Test
    void coco17IsMappedOntoBlazePoseSlots() {
        // pose.md §2 COCO -> BlazePose table: e.g. COCO 5 left_shoulder -> 11, 16 right_ankle -> 28
        PoseFrame f = parsed(decoder.decode(bytes(frame(coco("7")))));
        PosePerson p = f.people().get(0);
        assertThat(p.format()).isEqualTo(PoseFormat.COCO17);
        int[][] pairs = {{0, 0}, {1, 2}, {2, 5}, {3, 7}, {4, 8}, {5, 11}, {6, 12}, {7, 13}, {8, 14},
                         {9, 15}, {10, 16}, {11, 23}, {12, 24}, {13, 25}, {14, 26}, {15, 27}, {16, 28}};
        for (int[] pair : pairs) {
            int coco = pair[0];
            double[] row = p.landmarks()[pair[1]];
            // COCO row [x, y, score] -> [x, y, 0, visibility = score]
            assertThat(row).as("coco " + coco).containsExactly(coco, coco + 0.1, 0, coco + 0.2);
            assertThat(p.isCovered(pair[1])).isTrue();
        }
        // heels (29, 30), foot index (31, 32), hands and eye corners are never invented
        for (int b : new int[] {1, 3, 4, 6, 9, 10, 17, 18, 19, 20, 21, 22, 29, 30, 31, 32}) {
            assertThat(p.landmarks()[b][PosePerson.VISIBILITY]).as("slot " + b).isEqualTo(0.0);
            assertThat(p.isCovered(b)).isFalse();
        }
        assertThat(p.hasWorld()).isFalse();
    }

    @Test
    void keyOrderDoesNotMatter() {
        String p = "{\"landmarks\":" + rows(17, 3) + ",\"format\":\"coco17\",\"track\":9}";
        String json = "{\"people\":[" + p + "],\"height\":480,\"width\":640,\"frame\":0}";
        PoseFrame f = parsed(decoder.decode(bytes(json)));
        assertThat(f.ts()).isEmpty();
        assertThat(f.people().get(0).track()).isEqualTo("9");
        assertThat(f.people().get(0).landmarks()[28][0]).isEqualTo(16.0);
    }

    @Test
    void emptyPeopleIsValid() {
        // CONTRACT.md §1: "people may be empty"
        assertThat(parsed(decoder.decode(bytes(frame()))).people()).isEmpty();
    }

    @Test
    void onePersonWithBadDataIsDroppedAloneOthersKept() {
        String badRows = person("4", "mediapipe33", rows(32, 4), null);
        String badArity = person("5", "coco17", rows(17, 4), null);
        String nonNumeric = person("6", "mediapipe33", rows(33, 4).replaceFirst("0\\.0", "\"x\""), null);
        String infinite = person("8", "coco17", rows(17, 3).replaceFirst("1\\.0", "1e999"), null);
        String unknown = person("9", "openpose25", rows(25, 3), null);
        String badTrack = person("a b", "coco17", rows(17, 3), null);
        String badWorld = person("10", "mediapipe33", rows(33, 4), rows(33, 4));
        PoseFrame f = parsed(decoder.decode(bytes(frame(mediapipe("1"), badRows, badArity, nonNumeric, infinite,
                unknown, badTrack, badWorld, coco("2")))));
        assertThat(f.people()).extracting(PosePerson::track).containsExactly("1", "2");
        assertThat(f.dropped()).containsExactly(
                new DroppedField("people[1]", "wrong_row_count"),
                new DroppedField("people[2]", "wrong_arity"),
                new DroppedField("people[3]", "non_numeric"),
                new DroppedField("people[4]", "not_finite"),
                new DroppedField("people[5]", "unknown_format"),
                new DroppedField("people[6]", "bad_track"),
                new DroppedField("people[7]", "bad_world"));
    }

    @Test
    void frameWhosePeopleAreAllUnusableIsRejected() {
        failed(decoder.decode(bytes(frame(person("4", "mediapipe33", rows(17, 3), null)))), RejectReason.BAD_LANDMARKS);
        failed(decoder.decode(bytes(frame("[1,2]"))), RejectReason.BAD_LANDMARKS);
    }

    @Test
    void frameFieldRules() {
        failed(decoder.decode(bytes(frame().replace("\"width\":1280", "\"width\":0"))), RejectReason.BAD_VALUE);
        failed(decoder.decode(bytes(frame().replace("\"height\":720", "\"height\":-720"))), RejectReason.BAD_VALUE);
        failed(decoder.decode(bytes(frame().replace("\"width\":1280", "\"width\":1280.5"))), RejectReason.BAD_VALUE);
        failed(decoder.decode(bytes(frame().replace("\"frame\":42", "\"frame\":\"42\""))), RejectReason.BAD_VALUE);
        failed(decoder.decode(bytes(frame().replace("\"width\":1280,", ""))), RejectReason.MISSING_FIELD);
        failed(decoder.decode(bytes("{\"frame\":1,\"width\":2,\"height\":2}")), RejectReason.MISSING_FIELD);
        failed(decoder.decode(bytes("{\"frame\":1,\"width\":2,\"height\":2,\"people\":{}}")), RejectReason.WRONG_TYPE);
        failed(decoder.decode(bytes(frame().replace("1732500000123", "-1"))), RejectReason.BAD_TIMESTAMP);
        failed(decoder.decode(bytes("[]")), RejectReason.WRONG_TYPE);
        failed(decoder.decode(bytes(frame(mediapipe("1")).replace("0.1", "NaN"))), RejectReason.BAD_JSON);
        failed(decoder.decode(bytes(frame() + "x")), RejectReason.BAD_JSON);
        failed(decoder.decode(new byte[0]), RejectReason.EMPTY);
    }

    @Test
    void sizeAndPeopleCaps() {
        failed(decoder.decode(new byte[PoseFrameDecoder.DEFAULT_MAX_BYTES + 1]), RejectReason.TOO_LARGE);
        String[] sixteen = new String[PoseFrameDecoder.DEFAULT_MAX_PEOPLE];
        String[] seventeen = new String[PoseFrameDecoder.DEFAULT_MAX_PEOPLE + 1];
        for (int i = 0; i < seventeen.length; i++) {
            seventeen[i] = coco(Integer.toString(i));
            if (i < sixteen.length) {
                sixteen[i] = seventeen[i];
            }
        }
        assertThat(parsed(decoder.decode(bytes(frame(sixteen)))).people()).hasSize(16);
        failed(decoder.decode(bytes(frame(seventeen))), RejectReason.TOO_MANY_PEOPLE);
        // the cap is counted on listed entries, whatever they contain
        failed(decoder.decode(bytes(frame("1,".repeat(16) + "1"))), RejectReason.TOO_MANY_PEOPLE);
    }
}
