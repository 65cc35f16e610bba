package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.ResourceImporter;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ResourceImporter}: imported rows are read back equal through the store. */
public abstract class ResourceImporterContract {
  protected ResourceImporter importer;
  protected ResourceStore store;
  protected ResourceSeeder seeder;

  protected abstract ResourceImporter createResourceImporter();

  /** Reads the same rows. */
  protected abstract ResourceStore resourceStore();

  /** Provides owners and teams (its {@code insert} is not used). */
  protected abstract ResourceSeeder seeder();

  @BeforeEach
  void setUpResourceImporterContract() {
    importer = createResourceImporter();
    store = resourceStore();
    seeder = seeder();
  }

  @ParameterizedTest
  @EnumSource(
      value = Resource.class,
      names = {"TASKS", "NOTES", "MEMORY", "CREDENTIALS"})
  void insert_row_isReadBackEqualAndOnlyOnce(Resource resource) {
    UserId owner = seeder.newUser();
    TeamId team = seeder.newTeam(Set.of(owner));
    ResourceItem item = ItemFixtures.anItem(resource).ownedBy(owner).inTeam(team).build();

    assertThat(importer.insert(item)).isEqualTo(InsertOutcome.INSERTED);
    assertThat(importer.insert(item)).isEqualTo(InsertOutcome.DUPLICATE);

    assertThat(store.get(resource, new EffectiveFilter(owner, false, Set.of(team)), item.id()))
        .contains(item);
  }
}
