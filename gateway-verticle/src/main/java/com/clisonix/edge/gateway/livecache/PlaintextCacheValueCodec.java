package com.clisonix.edge.gateway.livecache;

/** Stores values as their JSON bytes, unchanged: the codec until encryption at rest is plugged in. */
public final class PlaintextCacheValueCodec implements CacheValueCodec {

  @Override
  public byte[] encode(String key, byte[] plain) {
    return plain;
  }

  @Override
  public byte[] decode(String key, byte[] stored) {
    return stored;
  }
}
