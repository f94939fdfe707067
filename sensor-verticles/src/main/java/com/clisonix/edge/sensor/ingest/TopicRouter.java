package com.clisonix.edge.sensor.ingest;

import java.util.List;

/**
 * Maps a topic to its {@link Route}. Pure; allocation-light, because it runs for every message.
 * Theengs topics are matched against the configured filters (MQTT wildcards {@code +} and
 * {@code #}); their status topic is the filter's first level plus {@code /LWT}.
 */
public final class TopicRouter {
  private final String root;
  private final String[] rootLevels;
  private final List<String[]> theengs;

  public TopicRouter(String root, List<String> theengsFilters) {
    this.root = root;
    this.rootLevels = root.split("/");
    this.theengs = theengsFilters.stream().map(f -> f.split("/")).toList();
  }

  /** The subscriptions that cover every route. */
  public List<String> subscriptions() {
    java.util.ArrayList<String> subs = new java.util.ArrayList<>();
    subs.add(root + "/ble/#");
    subs.add(root + "/camera/+/pose");
    subs.add(root + "/camera/+/eyes");
    for (String[] f : theengs) {
      subs.add(String.join("/", f));
      subs.add(f[0] + "/+/LWT");
    }
    return subs;
  }

  public Route route(String topic) {
    String[] t = topic.split("/");
    if (startsWithRoot(t)) {
      int r = rootLevels.length;
      int rest = t.length - r;
      if (rest >= 3 && t[r].equals("ble")) {
        if (rest == 3 && t[r + 2].equals("status")) {
          return new Route.BridgeStatus(t[r + 1]);
        }
        if (rest == 4) {
          return new Route.Gatt(t[r + 1], t[r + 2], t[r + 3], false);
        }
        if (rest == 5 && t[r + 4].equals("json")) {
          return new Route.Gatt(t[r + 1], t[r + 2], t[r + 3], true);
        }
      } else if (rest == 3 && t[r].equals("camera")) {
        if (t[r + 2].equals("pose")) {
          return new Route.Pose(t[r + 1]);
        }
        if (t[r + 2].equals("eyes")) {
          return new Route.Eyes(t[r + 1]);
        }
      }
    }
    for (String[] f : theengs) {
      if (t.length == 3 && t[0].equals(f[0]) && t[2].equals("LWT")) {
        return new Route.TheengsStatus(t[1]);
      }
      if (matches(f, t)) {
        return new Route.Theengs(t.length > 1 ? t[1] : t[0], t[t.length - 1]);
      }
    }
    return new Route.Unknown(topic);
  }

  private boolean startsWithRoot(String[] t) {
    if (t.length <= rootLevels.length) {
      return false;
    }
    for (int i = 0; i < rootLevels.length; i++) {
      if (!rootLevels[i].equals(t[i])) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(String[] filter, String[] topic) {
    for (int i = 0; i < filter.length; i++) {
      if (filter[i].equals("#")) {
        return true;
      }
      if (i >= topic.length) {
        return false;
      }
      if (!filter[i].equals("+") && !filter[i].equals(topic[i])) {
        return false;
      }
    }
    return filter.length == topic.length;
  }
}
