package com.clisonix.edge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiClient;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A gateway started with the contract's settings only (no {@code encryption.lookup_key}): emails
 * are found by their keyed hash, and still after a restart, because the key it made is kept in
 * its edge store; an email taken is still refused naming the field.
 */
class StoredLookupKeyGatewayTest extends ApiTestBase {

  @Override
  protected JsonObject configure(JsonObject tree) {
    tree.getJsonObject("encryption").remove("lookup_key");
    return tree;
  }

  @Test
  void emailLookupsSurviveARestartWithTheStoredKey() throws Exception {
    Account anna = account("athlete");
    assertThat(count("SELECT count(*) FROM clisonix_keys.store_secrets WHERE name = 'lookup_key'")).isEqualTo(1);
    assertThat(byEmail(api, anna).status()).as("by email, before the restart").isEqualTo(200);

    stopGateway(gw);
    Gateway second = startGateway(configure(baseTree()));
    ApiClient api2 = second.api();
    // signing in with the email finds the account through the email's keyed hash
    ApiClient.Res signedIn = byEmail(api2, anna);
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    ApiClient.Res taken = api2.post("/fitness/users/profile", adminToken, new JsonObject()
        .put("username", unique("other")).put("email", anna.email()).put("password", "pw-" + java.util.UUID.randomUUID())
        .put("role", "athlete"));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
    assertThat(taken.error().getString("field")).isEqualTo("email");
  }

  private static ApiClient.Res byEmail(ApiClient client, Account a) {
    return client.post("/fitness/auth/token", null, new JsonObject().put("email", a.email()).put("password", a.password()));
  }
}
