package com.clisonix.edge.sensor.ingest;

/** What a topic carries, by the contract's section 1. */
public sealed interface Route {
  /** The source for counting rejections: the bridge, camera or Theengs gateway id. */
  String source();

  /** {@code {root}/ble/{bridgeId}/{deviceId}/{char}}, raw bytes; {@code json} when the topic ends in {@code /json}. */
  record Gatt(String bridgeId, String rawDeviceId, String characteristic, boolean json) implements Route {
    public String source() {
      return bridgeId;
    }
  }

  /** {@code {root}/ble/{bridgeId}/status}: a bridge's birth or last will. */
  record BridgeStatus(String bridgeId) implements Route {
    public String source() {
      return bridgeId;
    }
  }

  /** {@code home/{gateway}/BTtoMQTT/{id}}: Theengs Gateway / OpenMQTTGateway JSON. */
  record Theengs(String gatewayId, String rawDeviceId) implements Route {
    public String source() {
      return gatewayId;
    }
  }

  /** {@code home/{gateway}/LWT}: a Theengs / OpenMQTTGateway bridge's status. */
  record TheengsStatus(String gatewayId) implements Route {
    public String source() {
      return gatewayId;
    }
  }

  /** {@code {root}/camera/{cameraId}/pose}. */
  record Pose(String cameraId) implements Route {
    public String source() {
      return cameraId;
    }
  }

  /** {@code {root}/camera/{cameraId}/eyes}. */
  record Eyes(String cameraId) implements Route {
    public String source() {
      return cameraId;
    }
  }

  /** Anything else under a subscription: counted and dropped. */
  record Unknown(String topic) implements Route {
    public String source() {
      return "unknown";
    }
  }
}
