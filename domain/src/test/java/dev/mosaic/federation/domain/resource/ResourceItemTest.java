package dev.mosaic.federation.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.user.TeamId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourceItemTest {
  @Test
  void toWire_task_hasSpecFields() {
    TeamId team = new TeamId(UUID.randomUUID());
    ResourceItem task = ItemFixtures.aTask().inTeam(team).withText("ship it").build();

    assertThat(task.toWire())
        .containsOnlyKeys(
            "id",
            "title",
            "status",
            "priority",
            "dueAt",
            "teamId",
            "ownerUserId",
            "createdAt",
            "updatedAt")
        .containsEntry("title", "ship it")
        .containsEntry("teamId", team.toString());
  }

  @Test
  void toWire_noteAndMemory_haveSpecFields() {
    assertThat(ItemFixtures.aNote().build().toWire())
        .containsOnlyKeys("id", "title", "body", "teamId", "ownerUserId", "createdAt", "updatedAt")
        .containsEntry("teamId", null);
    assertThat(ItemFixtures.aMemory().build().toWire())
        .containsOnlyKeys(
            "id", "kind", "content", "teamId", "ownerUserId", "createdAt", "updatedAt");
  }

  @Test
  void toWire_credential_neverContainsTheSecret() {
    CredentialItem credential = (CredentialItem) ItemFixtures.aCredential().build();

    assertThat(credential.toWire().values()).doesNotContain(credential.secret());
    assertThat(credential.toString()).doesNotContain(credential.secret());
  }
}
