package com.clisonix.edge.sensor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Topics of CONTRACT.md §1 to their routes. */
class TopicRouterTest {
  final TopicRouter router = new TopicRouter("gym/demo", List.of("home/+/BTtoMQTT/+"));

  @Test
  void gattRawAndJson() {
    assertThat(router.route("gym/demo/ble/bridge-1/A1B2C3D4E5F6/2a37"))
        .isEqualTo(new Route.Gatt("bridge-1", "A1B2C3D4E5F6", "2a37", false));
    assertThat(router.route("gym/demo/ble/bridge-1/a1:b2:c3:d4:e5:f6/2ad2/json"))
        .isEqualTo(new Route.Gatt("bridge-1", "a1:b2:c3:d4:e5:f6", "2ad2", true));
  }

  @Test
  void statusTheengsAndCameras() {
    assertThat(router.route("gym/demo/ble/bridge-1/status")).isEqualTo(new Route.BridgeStatus("bridge-1"));
    assertThat(router.route("home/OMG_ESP32/BTtoMQTT/C0FFEE123456")).isEqualTo(new Route.Theengs("OMG_ESP32", "C0FFEE123456"));
    assertThat(router.route("home/OMG_ESP32/LWT")).isEqualTo(new Route.TheengsStatus("OMG_ESP32"));
    assertThat(router.route("gym/demo/camera/cam1/pose")).isEqualTo(new Route.Pose("cam1"));
    assertThat(router.route("gym/demo/camera/cam1/eyes")).isEqualTo(new Route.Eyes("cam1"));
  }

  @Test
  void everythingElseIsUnknown() {
    for (String t : List.of("gym/other/ble/b/d/2a37", "gym/demo/ble/b/d/2a37/xml", "gym/demo/camera/cam1/depth",
        "gym/demo/live/u1", "gym/demo", "home/x/BTtoMQTT", "gym/demo/ble/b")) {
      assertThat(router.route(t)).as(t).isInstanceOf(Route.Unknown.class);
    }
  }

  @Test
  void subscriptionsCoverEveryRoute() {
    assertThat(router.subscriptions()).containsExactlyInAnyOrder("gym/demo/ble/#", "gym/demo/camera/+/pose",
        "gym/demo/camera/+/eyes", "home/+/BTtoMQTT/+", "home/+/LWT");
  }

  @Test
  void wildcardMatching() {
    assertThat(TopicRouter.matches("a/+/c".split("/"), "a/b/c".split("/"))).isTrue();
    assertThat(TopicRouter.matches("a/#".split("/"), "a/b/c".split("/"))).isTrue();
    assertThat(TopicRouter.matches("a/+".split("/"), "a/b/c".split("/"))).isFalse();
    assertThat(TopicRouter.matches("a/b/c".split("/"), "a/b".split("/"))).isFalse();
  }
}
