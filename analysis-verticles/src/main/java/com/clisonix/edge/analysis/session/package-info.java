/**
 * Per-athlete live state and the actors that own it. {@link com.clisonix.edge.analysis.session.AthleteState}
 * and the throttle are pure (no Vert.x); {@code AthleteSessionVerticle} (one per shard) and
 * {@code AthleteRouterVerticle} adapt them to the event bus.
 */
package com.clisonix.edge.analysis.session;
